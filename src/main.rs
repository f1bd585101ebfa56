//! Entry point: starts the browser app (wasm) or explains how to run it (native).

#[cfg(target_arch = "wasm32")]
fn main() {
    harbour::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Harbour runs in a web browser. Build and serve it with ./scripts/serve.sh");
}
