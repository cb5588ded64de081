//! Embeds every Fluent catalogue under `locales/<lang>/*.ftl` into the binary: a new
//! `.ftl` file is picked up without touching the code.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut out = String::from("/// (language, file name, text) of every catalogue file.\n");
    out.push_str("pub(crate) const SOURCES: &[(&str, &str, &str)] = &[\n");
    for lang in ["en", "kk", "ru"] {
        let dir = root.join(lang);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
            .collect();
        files.sort();
        for path in files {
            println!("cargo:rerun-if-changed={}", path.display());
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let _ = writeln!(
                out,
                "    ({lang:?}, {:?}, include_str!({:?})),",
                name.unwrap_or_default(),
                path.display().to_string()
            );
        }
    }
    out.push_str("];\n");
    let target =
        Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("locales.rs");
    std::fs::write(&target, out).unwrap_or_else(|e| panic!("writing {}: {e}", target.display()));
}
