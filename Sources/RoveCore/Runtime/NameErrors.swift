// Errors for names that do not exist — undefined names, unknown members and methods — each
// with the "did you mean" that `Suggestion` finds among the names that do.

extension Interpreter {
    /// `undefined name 'pirnt'; did you mean 'print'?`, suggesting a defined global or one of
    /// `locals`, the locals in scope where the name was used (the compiler collects them).
    func undefinedName(_ name: String, locals: [String], at location: SourceLocation) -> Diagnostic {
        let globals = self.globals.lazy.filter { $0.value.isDefined }.map(\.key)
        let message = Suggestion.appending(to: "undefined name '\(name)'", for: name, in: locals + globals)
        return Diagnostic(.name, message, at: location)
    }

    /// `message` about the member `name` that `value` lacks, suggesting one of the names it
    /// offers after a dot (the names Tab completion offers): `list has no method 'mpa'; did you
    /// mean 'map'?`.
    func unknownMember(_ name: String, of value: Value, _ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.name, Suggestion.appending(to: message, for: name, in: memberNames(of: value)), at: location)
    }
}
