#!/usr/bin/env python3
"""Summarises a profile of ops/borderflow bench job --profile (async-profiler's collapsed stacks, each led by its
thread's name): the share of samples per task (threads of one operator chain, subtasks together), and within the
threads chosen with -t, per top frame (self), per method anywhere on the stack (inclusive), and per group given
with -g (the first frame from the top that contains one of them).
Usage: ops/bench/profile-top.py var/bench/job-risk.collapsed [-t THREAD_SUBSTRING] [-n 30] [-g eu/borderflow,...]"""
import argparse, collections, re

p = argparse.ArgumentParser()
p.add_argument("file")
p.add_argument("-t", default="", help="only threads whose name contains this")
p.add_argument("-n", type=int, default=30)
p.add_argument("-g", default="")
a = p.parse_args()


def task(thread):
    """A thread's name without its id and subtask index: the subtasks of one chain together."""
    name = re.sub(r" tid=\d+\]$", "]", thread)
    return re.sub(r" \(\d+/\d+\)#\d+", "", name)


tasks, self_count, incl, groups = (collections.Counter() for _ in range(4))
total = chosen = 0
for line in open(a.file):
    stack, _, count = line.rstrip("\n").rpartition(" ")
    n = int(count)
    thread, *frames = stack.split(";")
    total += n
    tasks[task(thread)] += n
    if a.t not in thread or not frames:
        continue
    chosen += n
    self_count[frames[-1]] += n
    for f in set(frames):
        incl[f] += n
    if a.g:
        g = next((g for f in reversed(frames) for g in a.g.split(",") if g and g in f), "other")
        groups[g] += n


def show(title, counter, limit, of):
    print(f"-- {title}")
    for k, c in counter.most_common(limit):
        print(f"{100.0 * c / (of or 1):5.1f}%  {k[:160]}")


print(f"{total} samples, {chosen} in the threads chosen")
show("per task (all samples)", tasks, a.n, total)
show("self (top frame), of the threads chosen", self_count, a.n, chosen)
show("inclusive (anywhere on the stack), of the threads chosen", incl, a.n * 2, chosen)
if a.g:
    show("by group (first matching frame from the top), of the threads chosen", groups, a.n, chosen)
