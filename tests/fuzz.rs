//! Fuzzing the decoders that read what is stored or handed to Harbour: the stored envelope,
//! the decryptor of sealed data, and (as they arrive) share links and backup files. Each
//! case must return a value or an error, never panic.
//!
//! A bounded run is part of `cargo test` (FUZZ_CASES, default 20,000 per target); the long
//! run is `./scripts/fuzz.sh` (1,000,000 per target, release build). The generator is
//! seeded (FUZZ_SEED), so a failure can be replayed.

use harbour::domain::data::{AppData, PublicSettings, Snapshot};
use harbour::domain::envelope::{self, load, open_locked, Loaded};
use harbour::domain::sealed::{self, new_kdf, Key, BOUND_IV_LEN, IV_LEN, SALT_LEN};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// xorshift64*: small, fast, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

fn cases() -> usize {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000)
}

fn seed() -> u64 {
    std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x05EE_D0F4_A2B0)
}

const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "null",
    "true",
    "false",
    "0",
    "-1",
    "1e999",
    "\\u0000",
    "\\ud800",
    "\"schema\"",
    "\"data\"",
    "\"sealed\"",
    "\"public\"",
    "\"saved_at\"",
    "\"notes\"",
    "\"iv\"",
    "\"kdf\"",
    "\"iterations\"",
    "\"salt\"",
    "\"cipher\"",
    "\"AES-256-GCM\"",
    "\"PBKDF2-SHA256\"",
    "4294967296",
    "600000",
    "\"AAAAAAAAAAAAAAAA\"",
    "é",
    "\u{1F600}",
    "  ",
    "\n",
];

/// Mutates `seed` a few times: flips, inserts, deletes, truncates, splices tokens.
fn mutate(rng: &mut Rng, seed: &str) -> String {
    let mut bytes = seed.as_bytes().to_vec();
    for _ in 0..1 + rng.below(4) {
        match rng.below(6) {
            0 if !bytes.is_empty() => {
                let i = rng.below(bytes.len());
                bytes[i] ^= 1 << rng.below(8);
            }
            1 => {
                let i = rng.below(bytes.len() + 1);
                bytes.insert(i, rng.next() as u8);
            }
            2 if !bytes.is_empty() => {
                let i = rng.below(bytes.len());
                let n = rng.below(8).min(bytes.len() - i);
                bytes.drain(i..i + n);
            }
            3 => bytes.truncate(rng.below(bytes.len() + 1)),
            4 => {
                let i = rng.below(bytes.len() + 1);
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                bytes.splice(i..i, token.iter().copied());
            }
            _ => {
                // Duplicate a chunk (deep nesting, repeated keys).
                if !bytes.is_empty() {
                    let i = rng.below(bytes.len());
                    let n = rng.below(32).min(bytes.len() - i);
                    let chunk: Vec<u8> = bytes[i..i + n].to_vec();
                    bytes.splice(i..i, chunk);
                }
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn random_text(rng: &mut Rng) -> String {
    let n = rng.below(64);
    (0..n).map(|_| TOKENS[rng.below(TOKENS.len())]).collect()
}

/// Runs `case` `n` times with inputs from `make`, catching panics; returns how many ran.
fn run(
    name: &str,
    n: usize,
    mut make: impl FnMut(&mut Rng) -> String,
    case: impl Fn(&str),
) -> usize {
    let mut rng = Rng(seed() ^ name.len() as u64 ^ 0x9E37_79B9_7F4A_7C15);
    let mut panics = Vec::new();
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    for _ in 0..n {
        let input = make(&mut rng);
        if catch_unwind(AssertUnwindSafe(|| case(&input))).is_err() {
            panics.push(input);
        }
    }
    std::panic::set_hook(quiet);
    println!("FUZZ {name}: {n} cases, {} panics", panics.len());
    assert!(
        panics.is_empty(),
        "{name} panicked on {} inputs, first: {:?}",
        panics.len(),
        panics[0]
    );
    n
}

fn samples() -> (Vec<String>, Key) {
    let key = Key::from_bytes([42; 32]);
    let snapshot = Snapshot {
        public: PublicSettings::default(),
        data: AppData {
            notes: "Bail return 3 March. “Quotes”, £, and a newline\nhere.".into(),
            ..AppData::default()
        },
    };
    let kdf = new_kdf([3; SALT_LEN]);
    let sealed = serde_json::to_string(&envelope::stored_sealed(
        &snapshot,
        "2026-11-23T00:00:00Z",
        &[],
        &key,
        &kdf,
        [9; BOUND_IV_LEN],
    ))
    .unwrap();
    let plain = envelope::encode(&snapshot, "2026-11-23T00:00:00Z");
    let fixture = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/schema-1.json"
    ))
    .unwrap();
    // Sealed format 1 (before the header was bound), which must still open.
    let sealed_v1 = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sealed-1.json"
    ))
    .unwrap();
    (vec![plain, sealed, fixture, sealed_v1], key)
}

#[test]
fn fuzz_envelope_decoder() {
    let (seeds, _) = samples();
    run(
        "envelope decoder",
        cases(),
        |rng| {
            if rng.chance(5) {
                random_text(rng)
            } else {
                let which = rng.below(seeds.len());
                mutate(rng, &seeds[which])
            }
        },
        |input| {
            let _ = load(Some(input));
        },
    );
}

#[test]
fn fuzz_decryptor() {
    let (seeds, key) = samples();
    let (bound, v1) = (seeds[1].clone(), seeds[3].clone());
    let wrong = Key::from_bytes([7; 32]);
    run(
        "decryptor",
        cases(),
        |rng| {
            if rng.chance(4) {
                mutate(rng, &v1)
            } else {
                mutate(rng, &bound)
            }
        },
        |input| {
            if let Loaded::Locked(locked) = load(Some(input)) {
                let _ = open_locked(&locked, &key);
                let _ = open_locked(&locked, &wrong);
                let _ = sealed::derivation(&locked.sealed.kdf);
            }
        },
    );
}

#[test]
fn the_fuzzer_reaches_the_decryptor() {
    // Guards against a generator that never produces a sealed envelope the decryptor sees.
    let (seeds, key) = samples();
    let mut rng = Rng(seed());
    let mut locked = 0;
    let mut opened = 0;
    for _ in 0..2_000 {
        if let Loaded::Locked(l) = load(Some(&mutate(&mut rng, &seeds[1]))) {
            locked += 1;
            if open_locked(&l, &key).is_ok() {
                opened += 1;
            }
        }
    }
    assert!(
        locked > 100,
        "only {locked} of 2,000 mutants reached the decryptor"
    );
    assert!(
        opened > 0,
        "no mutant still opened (the mutations are too heavy)"
    );
}

#[test]
fn fuzz_share_link_decoder() {
    use harbour::domain::share::{decode, encode, SharedService};
    let seeds: Vec<String> = [
        SharedService {
            name: "Families After Arrest".into(),
            phone: "0113 496 0000".into(),
            hours: "9–5".into(),
            area: "Leeds".into(),
            note: "Ask for Sam.".into(),
        },
        SharedService {
            name: "é".repeat(80),
            note: "\u{1F600}".repeat(100),
            ..Default::default()
        },
    ]
    .iter()
    .map(encode)
    .collect();
    run(
        "share link decoder",
        cases(),
        |rng| {
            if rng.chance(5) {
                random_text(rng)
            } else {
                let which = rng.below(seeds.len());
                mutate(rng, &seeds[which])
            }
        },
        |input| {
            let _ = decode(input);
        },
    );
}

#[test]
fn fuzz_backup_importer() {
    use harbour::domain::backup::{export, open, parse};
    use harbour::domain::migrate::LATEST;
    let key = Key::from_bytes([11; 32]);
    let wrong = Key::from_bytes([12; 32]);
    let stored = r#"{"schema":5,"saved_at":"t","public":{"exit_url":"x","discreet":false,"lock_minutes":5},"data":{"notes":"words","notebook":[{"id":"1"}]}}"#;
    let seed = export(
        stored,
        "2026-11-23T21:00:00Z",
        &key,
        &new_kdf([1; SALT_LEN]),
        [2; IV_LEN],
    );
    // A version 1 backup, as Harbour wrote them before (its key is [5; 32]).
    let v1 = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/backup-1.json"
    ))
    .unwrap();
    let v1_key = Key::from_bytes([5; 32]);
    run(
        "backup importer",
        cases(),
        |rng| {
            if rng.chance(6) {
                random_text(rng)
            } else if rng.chance(4) {
                mutate(rng, &v1)
            } else {
                mutate(rng, &seed)
            }
        },
        |input| {
            if let Ok(file) = parse(input, LATEST) {
                let _ = open(&file, &key);
                let _ = open(&file, &wrong);
                let _ = open(&file, &v1_key);
            }
        },
    );
}
