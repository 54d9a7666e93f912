# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------

def main():
    global quiet
    parser = argparse.ArgumentParser(description=" ".join(__doc__.split("\n\n")[0].split()))
    parser.add_argument("--time-scale", type=float, default=1.0, metavar="S",
                        help="real seconds per second of graph time (default 1; 0: no waiting)")
    parser.add_argument("--until", type=int, metavar="MS",
                        help="stop at MS milliseconds of graph time "
                             "(default: when nothing is pending, at most one hour)")
%%if random
    parser.add_argument("--seed", type=int, default=SEED, metavar="N",
                        help="seed of the random generator (default: the graph's, %(default)s)")
%%endif
%%if button
    parser.add_argument("--click", action="append", default=[], metavar="ID@MS",
                        help="press the button ID at MS milliseconds of graph time (repeatable)")
%%endif
    parser.add_argument("-q", "--quiet", action="store_true", help="print the counts only")
    args = parser.parse_args()

    quiet = args.quiet
    scheduler.time_scale = args.time_scale
    if args.until is not None:
        scheduler.until_us = ms(args.until)
%%if random
    rng.seed(args.seed)
%%endif
    sys.setrecursionlimit(max(1000, 20 * MAX_DEPTH))

    build_graph()

    # Producers schedule their first items, in file order.
    for node in nodes:
        node.start()
%%if button
    for spec in args.click:
        node_id, _, at_ms = spec.partition("@")
        scheduler.add(ms(int(at_ms or 0)), GLib.PRIORITY_DEFAULT, find_node(node_id).click)
%%endif

    scheduler.run()

    # Stopped by --until or by the one-hour limit: the clock is there.
    if args.until is not None or len(scheduler) > 0:
        scheduler.now_us = scheduler.until_us

    print_summary()


if __name__ == "__main__":
    main()
