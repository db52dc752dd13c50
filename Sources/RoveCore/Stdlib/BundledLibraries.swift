// Libraries written in Rove that ship inside the binary: the language's own, and those hosts add.

extension Interpreter {
    /// Makes `source` importable as `import "std/<name>"`: how a host ships the helpers it
    /// wrote in Rove with the objects they use (RoveProviders bundles `octopus.rove` and
    /// `deployhq.rove`). Like the language's own files, it is never read from disk, and errors
    /// raised inside it point at the script's call. A library already imported is not run again.
    public func bundle(library name: String, source: String) {
        bundledLibraries[name] = source
    }
}
