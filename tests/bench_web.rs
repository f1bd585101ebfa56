//! Benchmark (not a test): the time of one autosave of a large plan, in release wasm in
//! headless Chromium. Run by scripts/bench.sh, which prints the figures:
//! cargo test --release --target wasm32-unknown-unknown --test bench_web -- --nocapture
#![cfg(target_arch = "wasm32")]

use harbour::domain::data::{AppData, Snapshot};
use harbour::ui::store::provide_store;
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

#[wasm_bindgen_test]
fn autosave_of_a_large_plan() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.set();
    let store = provide_store();
    // 100 fields of 2,000 characters: the size of a full safety plan written at length.
    let field =
        "Supervised contact only, at my mother's house, agreed by the social worker. ".repeat(27);
    let field = &field[..2000];
    let mut times = Vec::new();
    for round in 0..41 {
        let notes = format!("{round}{}", field.repeat(100));
        store.snapshot.update(|s| {
            *s = Snapshot {
                data: AppData { notes, ..AppData::default() },
                ..s.clone()
            }
        });
        let start = now();
        store.save_now();
        times.push(now() - start);
    }
    times.remove(0); // the first write warms up
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let stored = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("harbour")
        .unwrap()
        .unwrap();
    assert!(stored.contains(field), "the plan was really written");
    console_log!(
        "BENCH autosave_ms median={:.3} p90={:.3} max={:.3} bytes={}",
        times[times.len() / 2],
        times[times.len() * 9 / 10],
        times[times.len() - 1],
        stored.len()
    );
}

#[wasm_bindgen_test]
fn search_speed() {
    use harbour::content::search;
    let start = now();
    let _ = search::index();
    let build = now() - start;
    let queries = [
        "bail",
        "e",
        "a",
        "section 47",
        "released under investigation",
        "school",
        "what will happen to my children",
        "zzzz",
        "the",
        "social worker conference",
        "SHPO",
        "s",
        "court date",
        "child protection plan review conference",
    ];
    let mut worst: (f64, &str) = (0.0, "");
    let mut total = 0.0;
    let rounds = 20;
    for _ in 0..rounds {
        for q in queries {
            let start = now();
            let hits = search::search(q, 20);
            let t = now() - start;
            std::hint::black_box(hits);
            total += t;
            if t > worst.0 {
                worst = (t, q);
            }
        }
    }
    console_log!(
        "BENCH search_ms index_build={build:.3} mean={:.3} worst={:.3} (query {:?}) over {} searches",
        total / (rounds * queries.len()) as f64,
        worst.0,
        worst.1,
        rounds * queries.len()
    );
    assert!(!search::search("bail", 5).is_empty());
}
