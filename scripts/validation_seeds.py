#!/usr/bin/env python3
# Runs a scenario with seeds 1..N (rongou run --set seed=K) and prints, per quantity, the mean over
# seeds and its ci95 (t, N-1 df; the 2.093 below is for N = 20): train transit, border dwell and
# time in each gauge-change yard (yard_queue to yard_end in events.csv) per direction.
# Usage: python3 scripts/validation_seeds.py SCENARIO TAG N   (docs/validation.md)
import csv, json, subprocess, statistics as st, sys, collections, math
exe = 'build/rongou'  # run from the repository root
scen = sys.argv[1]; tag = sys.argv[2]; n = int(sys.argv[3])

per = collections.defaultdict(list)
for seed in range(1, n + 1):
    out = f'/tmp/rongou-validation/{tag}-{seed}'
    subprocess.run([exe, 'run', scen, '--set', f'seed={seed}', '--no-report', '--quiet', '--out', out], check=True)
    dirs = {}
    tr = {}
    for r in csv.DictReader(open(out + '/trains.csv')):
        dirs[r['train']] = r['direction']
        if r['split_from'] == '' and r['arrived_h']:
            tr.setdefault(r['direction'], []).append(r)
    for d, rows in tr.items():
        per[f'train transit days {d}'].append(st.mean(float(r['transit_days']) for r in rows))
        per[f'train gauge-change queue h {d}'].append(st.mean(float(r['gauge_change_queue_h']) for r in rows))
        per[f'train FEU {d}'].append(st.mean(float(r['feu']) for r in rows))
    open_ = {}
    acc = collections.defaultdict(list)
    for r in csv.DictReader(open(out + '/events.csv')):
        key = (r['train'], r['node'])
        e = r['event']; t = float(r['time_h'])
        if e in ('border_start', 'yard_queue'):
            open_[(key, e)] = t
        elif e == 'border_end' and (key, 'border_start') in open_:
            acc[f'border dwell h {r["node"]} {dirs[r["train"]]}'].append(t - open_.pop((key, 'border_start')))
        elif e == 'yard_end' and (key, 'yard_queue') in open_:
            acc[f'yard queue+handling h {r["node"]} {dirs[r["train"]]}'].append(t - open_.pop((key, 'yard_queue')))
    for k, v in acc.items():
        per[k].append(st.mean(v))
    s = json.load(open(out + '/summary.json'))
    per['door-to-door rail west mean d'].append(s['modes']['rail']['transit_days']['mean'])
    if 'sea' in s['modes']:
        per['door-to-door sea mean d'].append(s['modes']['sea']['transit_days']['mean'])
        per['sea ocean incl. delay d'].append(s['modes']['sea']['stages_hours']['ocean'] / 24)
for k in sorted(per):
    v = per[k]
    ci = 2.093 * st.stdev(v) / math.sqrt(len(v)) if len(v) > 1 else float('nan')
    print(f'{k:55s} {st.mean(v):9.3f} +- {ci:.3f}  (n={len(v)})')
