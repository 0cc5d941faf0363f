"""
Times reasoning-gym's gsm_symbolic generator as bench/generate.ts's peer:
build N items, serialise each with json.dumps and write them as JSONL, the
work `reasonforge generate --out` does. Our own driver; it loads the
generator from a checkout of github.com/open-thought/reasoning-gym without
installing it (the package's __init__ imports every dataset, and their
third-party dependencies; gsm_symbolic itself needs only the standard
library), by registering stand-ins for the package and its factory module.

    python3 bench/peers/reasoning_gym_gsm_symbolic.py CHECKOUT COUNT OUT.jsonl

Prints one JSON line: items, bytes, cpu and wall seconds of the timed loop.
"""

import json
import os
import sys
import time
import types


def load(checkout):
    root = os.path.join(checkout, "reasoning_gym")
    for name, path in (("reasoning_gym", root), ("reasoning_gym.arithmetic", os.path.join(root, "arithmetic"))):
        package = types.ModuleType(name)
        package.__path__ = [path]
        sys.modules[name] = package
    from reasoning_gym.dataset import ProceduralDataset

    factory = types.ModuleType("reasoning_gym.factory")
    factory.ProceduralDataset = ProceduralDataset
    factory.register_dataset = lambda *args, **kwargs: None
    sys.modules["reasoning_gym.factory"] = factory
    from reasoning_gym.arithmetic.gsm_symbolic import GSMSymbolicDataset, GSMSymbolicDatasetConfig

    return GSMSymbolicDataset, GSMSymbolicDatasetConfig


def main():
    checkout, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    dataset_class, config_class = load(checkout)
    dataset = dataset_class(config_class(seed=1, size=count))
    dataset.generators  # loads the generator modules before the clock starts, as our start-up is timed apart too
    written = 0
    cpu, wall = time.process_time(), time.perf_counter()
    with open(out, "w", encoding="utf-8") as sink:
        for index in range(count):
            # Some items carry fractions.Fraction values in their metadata, which json cannot encode itself.
            line = json.dumps(dataset[index], default=str) + "\n"
            sink.write(line)
            written += len(line.encode("utf-8"))
    print(json.dumps({"items": count, "bytes": written, "cpu": time.process_time() - cpu, "wall": time.perf_counter() - wall}))


main()
