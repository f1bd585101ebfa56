//! Splits a wasm file built with `--emit-relocs` at its `#[lazy]` split points.
//!
//! Usage: `harbour-wasm-split INPUT.wasm OUT_DIR MAIN_MODULE LINK_NAME`
//! Writes `OUT_DIR/main.wasm` (for wasm-bindgen), one `.wasm` file per lazy chunk and the
//! JavaScript link module, and prints the chunk file names, one per line.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, out_dir, main_module, link_name] = args.as_slice() else {
        eprintln!("usage: harbour-wasm-split INPUT.wasm OUT_DIR MAIN_MODULE LINK_NAME");
        return ExitCode::from(2);
    };
    let input_wasm = match std::fs::read(input) {
        Ok(bytes) => bytes,
        Err(why) => {
            eprintln!("harbour-wasm-split: cannot read {input}: {why}");
            return ExitCode::FAILURE;
        }
    };
    let out_dir = Path::new(out_dir);
    let main_out = out_dir.join("main.wasm");
    let mut options = wasm_split_cli_support::Options::new(&input_wasm);
    options.output_dir = out_dir;
    options.main_out_path = &main_out;
    options.main_module = main_module;
    options.link_name = link_name;
    match wasm_split_cli_support::transform(options) {
        Ok(split) => {
            for path in split.split_modules {
                println!("{}", path.display());
            }
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("harbour-wasm-split: {why:?}");
            ExitCode::FAILURE
        }
    }
}
