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
            // The outermost call, made from the top level of the file.
            if let site = diagnostic.unwindSite, !diagnostic.trace.isEmpty {
                diagnostic.record(TraceFrame(function: "main", location: site))
            }
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
        let isBundled = path.hasPrefix("std/")
        // Before anything is read, and reported as it is (`importing 'x' is not allowed`): a
        // file the policy keeps from scripts must not even show a line in a syntax error.
        let target: String
        do {
            target = isBundled ? resolved : try policy.check(.import, path: resolved, resolve: host.resolvePath)
        } catch {
            throw locate(error, at: location)
        }
        importedFiles.insert(resolved)
        let text: String
        do {
            // `import "std/octopus.rove"` names a file bundled into the binary, never the disk.
            if isBundled {
                guard let bundled = bundledLibraries[String(path.dropFirst(4))] else {
                    throw Diagnostic(.io, "no bundled library named '\(path.dropFirst(4))'")
                }
                text = bundled
            } else {
                text = try host.readFile(target)
            }
        } catch {
            importedFiles.remove(resolved)
            var diagnostic = locate(error, at: location)
            diagnostic.message = "cannot import '\(path)': \(diagnostic.message)"
            throw diagnostic
        }
        let file = SourceFile(name: resolved, text: text, isBundled: isBundled)
        var parser = Parser(file: file)
        var compiler = Compiler(interpreter: self, file: file)
        let program = try compiler.compileProgram(try parser.parseProgram())
        let savedResult = lastResult
        _ = try execute(program)
        lastResult = savedResult
    }

    /// Joins `path` to the directory of `importer` unless it is absolute, and normalises it, so
    /// one file imported by two spellings (`lib/x.rove`, `./lib/../lib/x.rove`) runs once.
    static func resolve(_ path: String, relativeTo importer: String) -> String {
        let directory = importer.lastIndex(of: "/").map { String(importer[...$0]) } ?? ""
        return Policy.normalized(path.hasPrefix("/") ? path : directory + path)
    }
}
