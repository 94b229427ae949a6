fn main() -> std::process::ExitCode {
    goudenoor::cli::main()
}
