//! Entry point: everything lives in the library so tests can reach it.
fn main() {
    esg_app::start();
}
