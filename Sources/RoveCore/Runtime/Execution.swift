// Running compiled programs and imported files.

extension Interpreter {
    /// Runs a compiled program in a fresh frame and returns its final expression's value.
    func execute(_ program: CompiledFunction) throws -> Value? {
        lastResult = nil
        let frame = try pushFrame(for: program, at: nil)
        let savedBase = base, savedCaptures = captures
        base = frame
        captures = []
        defer {
            popFrame(at: frame)
            base = savedBase
            captures = savedCaptures
        }
        do {
            _ = try program.body(self)
        } catch {
            var diagnostic = locate(error, at: nil)
            diagnostic.unwindSite = nil
            throw diagnostic
        }
        let result = lastResult
        lastResult = nil
        return result
    }

    /// `import "path"`: runs a file once, relative to the importing file, binding its globals.
    func importFile(_ path: String, at location: SourceLocation) throws {
        let resolved = path.hasPrefix("std/") ? path : Self.resolve(path, relativeTo: location.file.name)
        guard !importedFiles.contains(resolved) else { return }
        importedFiles.insert(resolved)
        let text: String
        do {
            // `import "std/octopus.rove"` names a file bundled into the binary, never the disk.
            if path.hasPrefix("std/") {
                guard let bundled = BundledSources.files[String(path.dropFirst(4))] else {
                    throw Diagnostic(.io, "no bundled library named '\(path.dropFirst(4))'")
                }
                text = bundled
            } else {
                text = try host.readFile(resolved)
            }
        } catch {
            importedFiles.remove(resolved)
            var diagnostic = locate(error, at: location)
            diagnostic.message = "cannot import '\(path)': \(diagnostic.message)"
            throw diagnostic
        }
        let file = SourceFile(name: resolved, text: text)
        var parser = try Parser(file: file)
        var compiler = Compiler(interpreter: self, file: file)
        let program = try compiler.compileProgram(try parser.parseProgram())
        let savedResult = lastResult
        _ = try execute(program)
        lastResult = savedResult
    }

    /// Joins `path` to the directory of `importer` unless it is absolute.
    static func resolve(_ path: String, relativeTo importer: String) -> String {
        if path.hasPrefix("/") { return path }
        guard let slash = importer.lastIndex(of: "/") else { return path }
        var parts = importer[..<slash].split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for component in path.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !parts.isEmpty, parts.last != "..", parts.last != "" { parts.removeLast() } else { parts.append("..") }
            default: parts.append(String(component))
            }
        }
        return parts.joined(separator: "/")
    }
}
