#!/usr/bin/python3
"""Fits scikit-learn's LogisticRegression on the comparisons Penchant.Benchmarks exports, for a side-by-side fit time.

The population Bradley-Terry model on feature differences is a logistic regression without intercept, so this fits
LogisticRegression(solver="lbfgs", fit_intercept=False) on the same rows (x = phi(preferred) - phi(rejected), label 1;
every other row negated with label 0) and prints the median wall time of several fits, the iterations lbfgs took,
and the accuracy on the training comparisons and on the test comparisons (pairs the training rows do not use).

Usage (Debian's python3-sklearn, so /usr/bin/python3):
    dotnet run -c Release --project benchmarks/Penchant.Benchmarks -- --data /work/shared/data --export-features /tmp/penchant-features.bin
    /usr/bin/python3 benchmarks/sklearn/fit_logistic.py /tmp/penchant-features.bin
"""

import argparse
import statistics
import sys
import time

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression


def read(path):
    with open(path, "rb") as f:
        if f.read(8) != b"PNCHLR01":
            sys.exit(f"{path} is not a Penchant feature export (run the benchmark project with --export-features).")
        rows, columns, train = np.frombuffer(f.read(12), dtype="<i4")
        x = np.frombuffer(f.read(rows * columns * 4), dtype="<f4").reshape(rows, columns)
        y = np.frombuffer(f.read(rows), dtype=np.uint8)
        if y.shape[0] != rows:
            sys.exit(f"{path} is truncated.")
    return x[:train], y[:train], x[train:], y[train:]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("features", help="the file written by --export-features")
    parser.add_argument("--runs", type=int, default=5, help="timed fits (after one untimed warm-up fit); default 5")
    # Penchant's trainer uses an L2 of 1e-4 per comparison; in scikit-learn's form (0.5*|w|^2 + C*sum(loss)) the
    # same penalty on the mean loss is C = 1 / (1e-4 * n).
    parser.add_argument("--l2", type=float, default=1e-4, help="L2 penalty per comparison; C = 1/(l2*n); default 1e-4")
    parser.add_argument("--max-iter", type=int, default=100, help="lbfgs iterations; default 100 (scikit-learn's default)")
    parser.add_argument("--tol", type=float, default=1e-4, help="lbfgs tolerance; default 1e-4 (scikit-learn's default)")
    args = parser.parse_args()

    x_train, y_train, x_test, y_test = read(args.features)
    # The lbfgs solver works in float64 and would convert float32 input inside every fit; convert once, untimed.
    x_train, x_test = x_train.astype(np.float64), x_test.astype(np.float64)
    c = 1.0 / (args.l2 * x_train.shape[0])
    print(f"scikit-learn {sklearn.__version__}, numpy {np.__version__}; {x_train.shape[0]:,} training rows, "
          f"{x_test.shape[0]:,} test rows, {x_train.shape[1]} features; lbfgs, C={c:.4g}, max_iter={args.max_iter}, tol={args.tol:g}")

    def fit():
        model = LogisticRegression(solver="lbfgs", fit_intercept=False, C=c, max_iter=args.max_iter, tol=args.tol)
        started = time.perf_counter()
        model.fit(x_train, y_train)
        return time.perf_counter() - started, model

    fit()  # warm-up: imports, first-touch of the data
    times = []
    model = None
    for _ in range(args.runs):
        seconds, model = fit()
        times.append(seconds)

    print(f"fit seconds: median {statistics.median(times):.3f}, min {min(times):.3f}, max {max(times):.3f} over {args.runs} runs")
    print(f"lbfgs iterations {int(model.n_iter_[0])} (max {args.max_iter}); "
          f"accuracy train {model.score(x_train, y_train):.3f} test {model.score(x_test, y_test):.3f}")


if __name__ == "__main__":
    main()
