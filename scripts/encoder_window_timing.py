"""What Whisper's encoder costs a turn at each window: tiny.en (int8) `encode` on 1, 2 and 5 s clips, CTranslate2 directly.

    PYTHONPATH=. python scripts/encoder_window_timing.py [--windows 1000,2000,3000] [--repeats 5]

One JSON line per clip and window: the median wall and CPU seconds of an encode and the 1-minute load average,
since the figures mean little on a busy machine (BENCHMARKS.md, "A shorter encoder window").
"""

from __future__ import annotations

import argparse
import json
import os
import time

import numpy as np


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--windows", default="200,500,1000,1500,2000,2500,2800,3000", help="mel frames (100 a second)")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    import ctranslate2
    from faster_whisper.audio import pad_or_trim
    from faster_whisper.feature_extractor import FeatureExtractor

    from stt.faster_whisper import default_model_dir

    model = ctranslate2.models.Whisper(str(default_model_dir()), device="cpu", compute_type="int8")
    noise = np.random.default_rng(0)
    for clip_s in (1, 2, 5):  # the encoder's cost depends on the window only; the clip is what a turn would fill
        features = pad_or_trim(FeatureExtractor()((0.1 * noise.standard_normal(16000 * clip_s)).astype(np.float32)))
        for frames in (int(w) for w in args.windows.split(",")):
            window = ctranslate2.StorageView.from_array(np.ascontiguousarray(features[None, :, :frames]))
            model.encode(window)  # the first run of a shape allocates
            wall, cpu = [], []
            for _ in range(args.repeats):
                started, started_cpu = time.perf_counter(), time.process_time()
                model.encode(window)
                wall.append(time.perf_counter() - started)
                cpu.append(time.process_time() - started_cpu)
            print(json.dumps({"clip_s": clip_s, "window_frames": frames, "wall_s": round(float(np.median(wall)), 4),
                              "cpu_s": round(float(np.median(cpu)), 4), "load_avg_1m": round(os.getloadavg()[0], 2)}),
                  flush=True)


if __name__ == "__main__":
    main()
