// From `--sandbox`, `--allow-*`, `--read-only` and a profile's keys to the `Policy` a run's scripts live under.

import RoveCore
import RoveHTTP

extension Invocation {
    /// Whether scripts are confined: `--sandbox`, or any `--allow-*`, which would mean nothing
    /// otherwise (as in Deno: naming what a job may touch closes the rest).
    var isSandboxed: Bool {
        sandbox || !allowRead.isEmpty || !allowWrite.isEmpty || !allowEnv.isEmpty || !allowNet.isEmpty
    }

    /// What the run's scripts may touch. Without a sandbox, everything but the methods
    /// `--read-only` keeps back. In one: the files, variables and origins the allow flags name;
    /// imports from the script file's own folder and below (so a job split into files still
    /// runs) and from what `--allow-read` opens; connections `rove` made from the profile or
    /// the environment, whatever their origin.
    var policy: Policy {
        var policy = Policy.unrestricted
        if isSandboxed {
            policy = Policy(reads: .only(allowRead), writes: .only(allowWrite),
                            imports: .only(scriptDirectory.map { [$0] + allowRead } ?? allowRead),
                            environment: .only(allowEnv), network: .only(allowNet))
        }
        policy.methods = readOnly ? .readOnly : .all
        policy.suggestsFlags = true
        return policy
    }

    /// The folder of the script file, as its path names it (`jobs` for `jobs/deploy.rove`), or
    /// nil for `-e`, standard input and the REPL, which have no folder of their own.
    private var scriptDirectory: String? {
        switch program {
        case .file(let path):
            guard let slash = path.lastIndex(of: "/") else { return "." }
            return slash == path.startIndex ? "/" : String(path[..<slash])
        case .standardInputOrREPL, .standardInput, .source, .tests:
            return nil
        }
    }

    /// This invocation with what its flags leave unsaid taken from the profile in use: flags
    /// beat profiles, setting by setting (an `--allow-read` replaces the profile's
    /// `allow_read`, it does not add to it, so what was typed is all there is).
    func applying(_ profile: RunSettings) -> Invocation {
        var merged = self
        merged.sandbox = sandbox || profile.sandbox == true
        if allowRead.isEmpty { merged.allowRead = profile.allowRead ?? [] }
        if allowWrite.isEmpty { merged.allowWrite = profile.allowWrite ?? [] }
        if allowEnv.isEmpty { merged.allowEnv = profile.allowEnv ?? [] }
        if allowNet.isEmpty { merged.allowNet = profile.allowNet ?? [] }
        merged.readOnly = readOnly || profile.readOnly == true
        merged.maxTime = maxTime ?? profile.maxTime
        merged.maxSteps = maxSteps ?? profile.maxSteps
        merged.maxMemory = maxMemory ?? profile.maxMemory
        merged.maxRequests = maxRequests ?? profile.maxRequests
        // Not `maxResponseBytes`: a provider's own `*_max_response_size` ranks between the flag
        // and the profile's general key, so `makeProviders` weighs the three itself.
        return merged
    }

    // MARK: Checking the values of the allow flags

    /// An `--allow-env` value: one variable's name.
    static func variableName(_ text: String) throws(UsageError) -> String {
        guard !text.isEmpty, !text.contains("="), !text.contains(","), !text.contains("\0") else {
            throw UsageError(message: "option '--allow-env' needs one variable's name (repeat the option for more; got '\(text)')")
        }
        return text
    }

    /// An `--allow-net` value, `scheme://host[:port]`, in the form `Origin` prints
    /// (`https://octopus.example.com:443`). A path, query or user name is refused rather than
    /// ignored: `https://x.example/api` would allow all of x.example, not its `/api`.
    static func origin(_ text: String) throws(UsageError) -> String {
        let problem = UsageError(message: "option '--allow-net' needs an origin such as https://octopus.example.com "
                                 + "or http://localhost:8080 (got '\(text)')")
        // `Origin` accepts only `scheme://…`, and a scheme holds no colon: the first is its end.
        guard let origin = Origin(url: text), let colon = text.firstIndex(of: ":") else { throw problem }
        let afterScheme = text[colon...].dropFirst(3)
        let authorityEnd = afterScheme.firstIndex { (character: Character) in "/?#".contains(character) } ?? afterScheme.endIndex
        let rest = afterScheme[authorityEnd...]
        let hasUser = afterScheme[..<authorityEnd].contains("@")
        guard !hasUser, rest.isEmpty || rest == "/" else { throw problem }
        return origin.description
    }
}
