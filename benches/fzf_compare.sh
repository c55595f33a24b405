#!/usr/bin/env bash
# Whole-process comparison of `plangap find --filter Q` with `fzf --filter Q` and with a small
# filter made of helix's nucleo-matcher (`examples/nucleo_filter.rs`) on the same lists of 100k and
# 1M project names, for queries of 1 to 6 characters, CJK and Latin, in the same run. Prints the
# median time of each tool and the ratios plangap/fzf (goal: at most 0.5 on every query) and
# plangap/nucleo (goal: at most 1.0 on CJK queries).
#
# The lists combine the corpus's real project names: the first half of one real name joined to
# the second half of another, some with a district in front. The names come from
# `plangap projects` on the embedded corpus.
#
# plangap_n, fzf_n and nucleo_n are the numbers of lines each printed (fzf and nucleo have no
# pinyin, so they find fewer lines for Latin queries). Needs: hyperfine, fzf, jq, perl. Usage: benches/fzf_compare.sh [RUNS] (default 5 runs per
# command, after one warm-up run). Lists and JSON results go to target/fzf-compare/.
set -euo pipefail

runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/target/fzf-compare"
plangap="$root/target/release/plangap"
nucleo="$root/target/release/examples/nucleo_filter"
mkdir -p "$work"
for tool in hyperfine fzf jq perl; do
    command -v "$tool" >/dev/null || { echo "fzf_compare: $tool is not installed" >&2; exit 2; }
done

(cd "$root" && cargo build --release --quiet && cargo build --release --quiet --example nucleo_filter)

names="$work/names.txt"
"$plangap" projects --format json | jq -r '.[].name' | sort -u >"$names" || true
if [ "$(wc -l <"$names")" -lt 100 ]; then
    echo "fzf_compare: plangap projects found fewer than 100 names; is the project parser working?" >&2
    exit 2
fi
echo "real project names: $(wc -l <"$names")"

combine() { # COUNT: lines made of halves of two real names, some after a district
    perl -CSD -Mutf8 -e '
        my $count = shift; chomp(my @names = <STDIN>); my $p = @names;
        my @districts = ("", "綦江区", "涪陵区", "荣昌区", "重庆市", "长寿区");
        for my $k (0 .. $count - 1) {
            my ($a, $round) = ($k % $p, int($k / $p));
            my ($first, $second) = ($names[$a], $names[($round * 7 + $a * 13 + 1) % $p]);
            print $districts[$round % @districts], substr($first, 0, int(length($first) / 2)),
                substr($second, int(length($second) / 2)), "\n";
        }' "$1" <"$names"
}
combine 100000 >"$work/names-100k.txt"
combine 1000000 >"$work/names-1m.txt"

queries=(区 水库 綦江区 藻渡水库 高标准农田 污水处理厂项 q qj led zdsk shuik shuiku)

printf '%-5s %11s %9s %10s %9s %12s %10s %10s %10s  %s\n' list plangap_ms fzf_ms nucleo_ms ratio_fzf ratio_nucleo \
    plangap_n fzf_n nucleo_n query
for size in 100k 1m; do
    list="$work/names-$size.txt"
    for query in "${queries[@]}"; do
        json="$work/result-$size-$query.json"
        hyperfine --ignore-failure --warmup 1 --runs "$runs" --style none --export-json "$json" \
            "$plangap find --filter '$query' < '$list'" "fzf --filter '$query' < '$list'" \
            "$nucleo '$query' < '$list'" >/dev/null 2>&1
        ours_n=$("$plangap" find --filter "$query" <"$list" | wc -l || true)
        fzf_n=$(fzf --filter "$query" <"$list" | wc -l || true)
        nucleo_n=$("$nucleo" "$query" <"$list" | wc -l || true)
        jq -r '"\(.results[0].median * 1000)\t\(.results[1].median * 1000)\t\(.results[2].median * 1000)"' "$json" |
            awk -F'\t' -v size="$size" -v query="$query" -v ours_n="$ours_n" -v fzf_n="$fzf_n" -v nucleo_n="$nucleo_n" \
                '{ printf "%-5s %11.1f %9.1f %10.1f %9.2f %12.2f %10d %10d %10d  %s\n", size, $1, $2, $3, $1 / $2, $1 / $3,
                   ours_n, fzf_n, nucleo_n, query }'
    done
done
