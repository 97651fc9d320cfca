"""Train the attribution CRF (claimgraph.extract.learned) on the attribution benchmark's tuning half.

    python scripts/train_attribution_crf.py OUT.crfsuite [--corpus DIR]

Reads bench/attribution/gold.jsonl and the documents it names (the shared corpus folder beside the data folder),
keeps the tuning half (`bench.split.half("attribution", doc)`), leaves out the seed article (publisher's
copyright), and trains with the fixed settings of `claimgraph.extract.learned.train.SETTINGS` (deterministic: the
same data gives the same file). The training texts are US Congressional Record speeches (public domain) and
English Wikipedia articles (CC BY-SA 3.0, Wikipedia contributors); a model trained on them carries that notice.
`python -m bench --only attribution` cross-validates the same training on the tuning half and scores it, beside
the rules, on the test half.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from bench.attribution import corpus_dir, load  # noqa: E402
from bench.attribution_learned import SEED  # noqa: E402
from bench.product import bare_nlp  # noqa: E402
from bench.split import half  # noqa: E402

from claimgraph.extract.learned.train import examples, train  # noqa: E402


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="train_attribution_crf", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="the model file to write")
    parser.add_argument("--corpus", type=Path, default=None, help="corpus folder (default: beside the data folder)")
    args = parser.parse_args(argv)
    corpus = args.corpus
    if corpus is None:
        from claimgraph.config import load_settings

        corpus = corpus_dir(Path(load_settings().data.dir))
    items = [i for i in load(corpus) if half("attribution", i["id"]) == "tune" and i["id"] != SEED]
    train(examples(items, bare_nlp()), args.out)
    print(f"trained on {len(items)} documents, {sum(len(i['attributions']) for i in items)} attributions"
          f" -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
