// Colours and shapes shared by the graph and its legend. Predicates not listed get a colour from the spare
// palette in ontology order, so a predicate added to ontology.yaml still gets a stable, distinct colour.

const PREDICATE_COLOURS = {
  cooperates_with: "#2b8a3e",
  associated_with: "#74b816",
  met_with: "#1098ad",
  supports: "#1c7ed6",
  directs: "#5f3dc4",
  member_of: "#868e96",
  branch_of: "#495057",
  attacked: "#e03131",
  targets: "#f76707",
  operates_in: "#a9822e",
  based_in: "#c29a53",
  family_of: "#c2255c",
  publishes: "#0b7285",
  claimed_responsibility: "#862e9c",
};
const SPARE = ["#364fc7", "#d6336c", "#087f5b", "#e8590c", "#5c940d", "#9c36b5", "#1864ab", "#a61e4d"];

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

export function predicateColours(predicateNames) {
  const out = {};
  let spare = 0;
  for (const name of predicateNames) {
    out[name] = PREDICATE_COLOURS[name] || SPARE[spare++ % SPARE.length];
  }
  return out;
}
