// Colours and shapes shared by the graph, the map and their legends. Ties come in five colour families
// (Okabe–Ito hues, told apart with colour-blindness too); the predicate itself shows on hover and in the
// evidence panel. A predicate added to ontology.yaml without a family is drawn grey as "other".

export const FAMILIES = {
  alliance: { label: "alliance / cooperation", colour: "#009e73" },
  support: { label: "support / command", colour: "#0072b2" },
  membership: { label: "membership / kin", colour: "#9b59b6" },
  hostility: { label: "hostility", colour: "#d55e00" },
  presence: { label: "presence (operates, based)", colour: "#a6761d" },
  other: { label: "other", colour: "#6c757d" },
};

const PREDICATE_FAMILY = {
  cooperates_with: "alliance",
  associated_with: "alliance",
  met_with: "alliance",
  supports: "support",
  directs: "support",
  publishes: "support",
  member_of: "membership",
  branch_of: "membership",
  family_of: "membership",
  attacked: "hostility",
  targets: "hostility",
  claimed_responsibility: "hostility",
  operates_in: "presence",
  based_in: "presence",
};

export function familyOf(predicate) {
  return PREDICATE_FAMILY[predicate] || "other";
}

export const TYPE_STYLE = {
  armed_group: { colour: "#c92a2a", shape: "ellipse" },
  agency: { colour: "#1864ab", shape: "round-diamond" },
  state: { colour: "#364fc7", shape: "round-pentagon" },
  party: { colour: "#5f3dc4", shape: "round-hexagon" },
  organisation: { colour: "#495057", shape: "round-rectangle" },
  person: { colour: "#e67700", shape: "ellipse" },
  place: { colour: "#2b8a3e", shape: "round-triangle" },
  facility: { colour: "#5c940d", shape: "round-triangle" },
  publication: { colour: "#0b7285", shape: "round-rectangle" },
  group_identity: { colour: "#862e9c", shape: "round-octagon" },
};
const UNKNOWN_TYPE = { colour: "#868e96", shape: "ellipse" };

export function typeStyle(type) {
  return TYPE_STYLE[type] || UNKNOWN_TYPE;
}

// predicate → colour of its family (the filter legend and the graph use the same map).
export function predicateColours(predicateNames) {
  return Object.fromEntries(predicateNames.map((name) => [name, FAMILIES[familyOf(name)].colour]));
}
