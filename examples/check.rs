fn main() {
    match goudenoor::domain::Instruments::load() {
        Ok(i) => println!(
            "ok: {}",
            i.iter()
                .map(|x| x.id.clone())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Err(e) => println!("ERR {e}"),
    }
}
