#!/usr/bin/env python3
"""Summarises the execution samples of a JFR recording (ops/borderflow bench job --profile): the share of samples
per top frame (self) and per method anywhere on the stack (inclusive), and per package prefix given with -g.
Usage: ops/bench/jfr-top.py FILE.jfr [-n 30] [-g eu.borderflow,org.apache.avro,...]"""
import argparse, collections, re, subprocess, sys

p = argparse.ArgumentParser()
p.add_argument("file")
p.add_argument("-n", type=int, default=30)
p.add_argument("-g", default="")
a = p.parse_args()
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", a.file],
                      capture_output=True, text=True, check=True).stdout
frame = re.compile(r"^\s+([\w$.<>/]+)\(.*line:")
stacks, current, inside = [], [], False
for line in text.splitlines():
    if "stackTrace = [" in line:
        current, inside = [], True
    elif inside and line.strip().startswith("]"):
        stacks.append(current); inside = False
    elif inside:
        m = frame.match(line)
        if m:
            current.append(m.group(1))
        elif line.strip() == "...":
            current.append("...")
total = len(stacks) or 1
self_count = collections.Counter(s[0] for s in stacks if s)
incl = collections.Counter()
for s in stacks:
    for m in set(s):
        incl[m] += 1
print(f"{len(stacks)} execution samples")
print("-- self (top frame)")
for m, c in self_count.most_common(a.n):
    print(f"{100.0 * c / total:5.1f}%  {m}")
print("-- inclusive (anywhere on the stack)")
for m, c in incl.most_common(a.n * 2):
    print(f"{100.0 * c / total:5.1f}%  {m}")
if a.g:
    print("-- inclusive by group (first matching frame from the top)")
    groups = collections.Counter()
    for s in stacks:
        for m in s:
            g = next((g for g in a.g.split(",") if g and g in m), None)
            if g:
                groups[g] += 1
                break
        else:
            groups["other"] += 1
    for g, c in groups.most_common():
        print(f"{100.0 * c / total:5.1f}%  {g}")
