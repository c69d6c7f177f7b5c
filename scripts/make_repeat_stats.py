"""Writes test/fixtures/repeat-stats.json: the statistics of repeat groups as scipy computes them.

Run with `python3 scripts/make_repeat_stats.py` (needs numpy and scipy; the output is committed, so tests do
not). Descent computes the same figures with @stdlib's t distribution (shared/stats/); the unit test
test/unit/stats.test.ts checks them against these.
- `samples`: mean, sample standard deviation (ddof = 1) and the 95 % confidence interval of the mean from
  Student's t distribution with n - 1 degrees of freedom (scipy.stats.t.interval).
- `welch`: Welch's two-sample t-test of a - b (scipy.stats.ttest_ind with equal_var=False): statistic,
  degrees of freedom, two-sided p-value and the 95 % confidence interval of the difference of means.
"""
import json
import os

import numpy as np
from scipy import stats

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'test', 'fixtures', 'repeat-stats.json')

# Final test accuracies as repeat groups produce them: close groups, far groups, unequal sizes and spreads,
# a group stuck at chance next to one that learned, and the smallest groups a test can take (n = 2).
SAMPLES = {
    'lr 0.5': [0.9412, 0.9387, 0.9431, 0.9398, 0.9420],
    'lr 1.0': [0.9521, 0.9489, 0.9533, 0.9502],
    'lr 10': [0.0980, 0.8512, 0.0980, 0.8467, 0.1135],
    'lr 0.1, 3 seeds': [0.8963, 0.8991, 0.8948],
    'lr 0.1, 2 seeds': [0.8963, 0.8991],
    'batch 100': [0.9101, 0.9164, 0.9087, 0.9122, 0.9140, 0.9119],
    'batch 200': [0.9052, 0.9111, 0.9079],
}

PAIRS = [
    ('lr 1.0', 'lr 0.5'),
    ('lr 10', 'lr 0.5'),
    ('lr 0.1, 3 seeds', 'lr 0.1, 2 seeds'),
    ('batch 100', 'batch 200'),
    ('lr 0.5', 'batch 100'),
]


def sample(values):
    x = np.asarray(values, dtype=np.float64)
    n = len(x)
    mean = float(np.mean(x))
    sd = float(np.std(x, ddof=1))
    low, high = stats.t.interval(0.95, n - 1, loc=mean, scale=sd / np.sqrt(n))
    return {'values': values, 'n': n, 'mean': mean, 'sd': sd, 'ci95': [float(low), float(high)]}


def welch(a, b):
    result = stats.ttest_ind(np.asarray(SAMPLES[a]), np.asarray(SAMPLES[b]), equal_var=False)
    ci = result.confidence_interval(0.95)
    return {
        'a': a, 'b': b,
        'difference': float(np.mean(SAMPLES[a]) - np.mean(SAMPLES[b])),
        'statistic': float(result.statistic), 'df': float(result.df), 'pValue': float(result.pvalue),
        'ci95': [float(ci.low), float(ci.high)],
    }


def main():
    fixture = {
        'generator': f'scripts/make_repeat_stats.py with scipy {__import__("scipy").__version__}',
        'tQuantiles975': {str(df): float(stats.t.ppf(0.975, df)) for df in [1, 2, 3, 4, 9, 29, 2.5, 5.73]},
        'samples': {name: sample(values) for name, values in SAMPLES.items()},
        'welch': [welch(a, b) for a, b in PAIRS],
    }
    with open(OUT, 'w') as f:
        json.dump(fixture, f, indent=2)
        f.write('\n')


if __name__ == '__main__':
    main()
