//! Parse throughput: the whole load pipeline (decode, parse, assess) on the sample corpus and on
//! concatenations of it of growing size. Throughput must not fall as input grows.
//!
//! Run: `cargo bench --bench parse`. Criterion prints MB/s (MiB/s) for each input.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use plangap::corpus::{EMBEDDED, load_bytes};
use std::hint::black_box;
use std::time::Duration;

fn corpus(c: &mut Criterion) {
    let mut group = c.benchmark_group("corpus");
    let total: usize = EMBEDDED.iter().map(|(_, bytes)| bytes.len()).sum();
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("all five reports", |b| {
        b.iter(|| {
            for (file, bytes) in EMBEDDED {
                black_box(load_bytes(file, black_box(bytes)).ok());
            }
        })
    });
    group.finish();
}

/// The five reports joined again and again into one text of at least `size` bytes.
fn concatenation(size: usize) -> Vec<u8> {
    let mut text = Vec::with_capacity(size + 70_000);
    while text.len() < size {
        for (_, bytes) in EMBEDDED {
            text.extend_from_slice(bytes);
            text.push(b'\n');
        }
    }
    text
}

fn growing_input(c: &mut Criterion) {
    let mut group = c.benchmark_group("concatenation");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    for megabytes in [1usize, 10, 100] {
        let input = concatenation(megabytes << 20);
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{megabytes} MiB")),
            &input,
            |b, input| b.iter(|| black_box(load_bytes("concatenation.txt", black_box(input)).ok())),
        );
    }
    group.finish();
}

criterion_group!(benches, corpus, growing_input);
criterion_main!(benches);
