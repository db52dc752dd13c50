// The tests a file defines, for `rove test`: its top-level functions whose names start `test_`.

extension Interpreter {
    /// The names of the functions `file` declares at its top level (`fn name() { }`, not
    /// closures bound with `let`, not nested ones) that start with `prefix`, in source order.
    ///
    /// - Throws: `Diagnostic` for syntax errors, as `compile` does.
    public static func topLevelFunctions(in file: SourceFile, prefix: String) throws -> [String] {
        var parser = Parser(file: file)
        return try parser.parseProgram().compactMap { statement in
            guard case .function(let declaration) = statement, !declaration.isClosure,
                  declaration.name.hasPrefix(prefix) else { return nil }
            return declaration.name
        }
    }
}
