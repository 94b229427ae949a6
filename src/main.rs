fn main() {
    let instruments = goudenoor::domain::Instruments::embedded();
    println!(
        "{}: {} shifts; {}: {} parts",
        instruments.gouden_oor.title,
        instruments.gouden_oor.shifts.len(),
        instruments.stv.title,
        instruments.stv.parts.len()
    );
}
