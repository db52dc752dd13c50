// The completion scripts in completions/ against `rove --help`: each offers exactly the options
// the help lists, knows which of them take a value, and leaves the script's own arguments alone.
// bash is always there, so its completion function is run; zsh and fish are checked when
// installed (the tests say so when they are not).

import Foundation
@testable import RoveCLI
import RoveTestSupport
import XCTest

final class ShellCompletionTests: XCTestCase {
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    private static let bash = root + "/completions/rove.bash"
    private static let zsh = root + "/completions/_rove"
    private static let fish = root + "/completions/rove.fish"

    /// The options of `rove --help`, each with whether it takes a value (a metavariable such as
    /// SOURCE follows it): read from the Options section, where every line that starts with `-`
    /// names one or two spellings of an option.
    static let helpOptions: [String: Bool] = {
        var options: [String: Bool] = [:]
        var inOptions = false
        for line in Help.usage.split(separator: "\n", omittingEmptySubsequences: false) {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text == "Options:" { inOptions = true; continue }
            if inOptions && text.isEmpty { break }
            guard inOptions, text.hasPrefix("-") else { continue }
            // `-o, --output FORMAT    print results...`: the names, then the value's name.
            let words = text.split(separator: " ")
            let names = words.prefix { $0.hasPrefix("-") }.map { String($0.hasSuffix(",") ? $0.dropLast() : $0) }
            let takesValue = words.dropFirst(names.count).first.map { $0.allSatisfy(\.isUppercase) } ?? false
            for name in names { options[name] = takesValue }
        }
        return options
    }()

    /// What `rove test` takes: every option but those that name the program.
    private static var testOptions: [String] {
        helpOptions.keys.filter { !["-e", "--eval", "-i", "--interactive"].contains($0) }
    }

    // MARK: The help itself

    func testTheHelpListsEveryOptionAndItsValue() {
        XCTAssertGreaterThanOrEqual(Self.helpOptions.count, 29, "\(Self.helpOptions.keys.sorted())")
        XCTAssertEqual(Self.helpOptions["-e"], true)
        XCTAssertEqual(Self.helpOptions["--max-response-size"], true)
        XCTAssertEqual(Self.helpOptions["--dry-run"], false)
        XCTAssertEqual(Self.helpOptions["-h"], false)
    }

    /// What the help promises is what the parser takes: an option with a value refuses to go
    /// without one, an option without refuses `--name=value`. Each is tried after `test` when
    /// `rove test` takes it, since some (`--update-recordings`) are for tests only.
    func testTheParserTakesEveryOptionTheHelpLists() {
        for (option, takesValue) in Self.helpOptions {
            do {
                _ = try Invocation(parsing: Self.testOptions.contains(option) ? ["test", option] : [option])
                XCTAssertFalse(takesValue, "\(option) is listed with a value, but the parser took it alone")
            } catch {
                XCTAssertTrue(takesValue, "\(option): \(error.message)")
                XCTAssertEqual(error.message, "option '\(option)' needs a value", option)
            }
        }
    }

    // MARK: bash

    func testBashScriptIsValidBash() throws {
        let result = try run("/bin/bash", ["-n", Self.bash])
        XCTAssertEqual(result.status, 0, result.error)
    }

    func testBashOffersEveryOptionOfTheHelpAndNoOther() throws {
        assertSameOptions(try bashCompletions(["rove", "-"]), Self.helpOptions.keys, "bash")
        assertSameOptions(try bashCompletions(["rove", "test", "--profile", "x", "-"]), Self.testOptions, "bash, rove test")
    }

    /// After an option that takes a value the next word is that value, never another option;
    /// after one that takes none, options go on.
    func testBashKnowsWhichOptionsTakeAValue() throws {
        for (option, takesValue) in Self.helpOptions where !["-h", "--help", "--version"].contains(option) {
            let offered = try bashCompletions(["rove", option, "--v"])
            XCTAssertEqual(offered, takesValue ? [] : ["--version"], option)
        }
    }

    func testBashCompletesValues() throws {
        XCTAssertEqual(try bashCompletions(["rove", "--output", "j"]), ["json"])
        XCTAssertEqual(try bashCompletions(["rove", "-o", ""]), ["table", "json", "ndjson", "csv", "text"])
        // bash splits `--output=j` at the '=' (COMP_WORDBREAKS) ...
        XCTAssertEqual(try bashCompletions(["rove", "--output", "=", "j"]), ["json"])
        XCTAssertEqual(try bashCompletions(["rove", "--ci", "="]).count, 6)
        // ... unless '=' was taken out of COMP_WORDBREAKS.
        XCTAssertEqual(try bashCompletions(["rove", "--ci=git"]), ["--ci=github", "--ci=gitlab"])
        XCTAssertEqual(try bashCompletions(["rove", "--trace", "--allow-env", "ROVE_COMPLETION_"],
                                           environment: ["ROVE_COMPLETION_VARIABLE": "1"]),
                       ["ROVE_COMPLETION_VARIABLE"])
    }

    func testBashCompletesFilesForScriptsAndRecordings() throws {
        let folder = try temporaryFolder()
        FileManager.default.createFile(atPath: folder + "/deploy.rove", contents: nil)
        FileManager.default.createFile(atPath: folder + "/tour.rove", contents: nil)
        XCTAssertEqual(try bashCompletions(["rove", "d"], in: folder), ["deploy.rove"])
        XCTAssertEqual(try bashCompletions(["rove", "t"], in: folder).sorted(), ["test", "tour.rove"])
        XCTAssertEqual(try bashCompletions(["rove", "--replay", "t"], in: folder), ["tour.rove"])
        XCTAssertEqual(try bashCompletions(["rove", "test", "--dry-run", "t"], in: folder), ["tour.rove"])
    }

    /// Everything after the script is the script's: no options, and bash's own file completion.
    func testBashLeavesTheScriptsArgumentsAlone() throws {
        XCTAssertEqual(try bashCompletions(["rove", "deploy.rove", "--"]), [])
        XCTAssertEqual(try bashCompletions(["rove", "-e", "args", "--"]), [])
        XCTAssertEqual(try bashCompletions(["rove", "--eval", "=", "args", "-"]), [])
        XCTAssertEqual(try bashCompletions(["rove", "-", "-"]), [])
        XCTAssertEqual(try bashCompletions(["rove", "test", "--", "-"]), [])
        XCTAssertEqual(try bashCompletions(["rove", "--profile", "test", "-o", "json", "x.rove", "--o"]), [])
    }

    func testBashCompletesProfileNames() throws {
        let folder = try profileFolders()
        XCTAssertEqual(try bashCompletions(["rove", "--profile", ""], in: folder + "/project/sub",
                                           environment: ["XDG_CONFIG_HOME": folder + "/config"]),
                       ["local", "prod", "staging-2"])
    }

    // MARK: zsh

    func testZshScriptIsValidZsh() throws {
        let zsh = try installed("zsh")
        let result = try run(zsh, ["-n", Self.zsh])
        XCTAssertEqual(result.status, 0, result.error)
    }

    /// zsh's completion is only run inside its line editor, so the `_arguments` specifications
    /// are read instead, one option a line: `'--trace[...]'`, `{-o,--output=}'[...]:format:(...)'`,
    /// with a `:` after the description when it takes a value.
    func testZshOffersEveryOptionOfTheHelpWithItsValue() throws {
        let text = try String(contentsOfFile: Self.zsh, encoding: .utf8)
        let pattern = try NSRegularExpression(pattern: #"(?<![\w-])(--?[a-z][a-z-]*)=?(?=[\[,}])"#)
        var options: [String: Bool] = [:]
        for line in text.split(separator: "\n").map(String.init) {
            for match in pattern.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                options[String(line[Range(match.range(at: 1), in: line)!])] = line.contains("]:")
            }
        }
        assertSameOptions(options.keys, Self.helpOptions.keys, "zsh")
        for (option, takesValue) in options where Self.helpOptions[option] != nil {
            XCTAssertEqual(takesValue, Self.helpOptions[option], "zsh: whether \(option) takes a value")
        }
    }

    // MARK: fish

    func testFishScriptIsValidFish() throws {
        let fish = try installed("fish")
        let result = try run(fish, ["--no-execute", Self.fish])
        XCTAssertEqual(result.status, 0, result.error)
    }

    func testFishOffersEveryOptionOfTheHelpAndNoOther() throws {
        assertSameOptions(try fishCompletions("rove -"), Self.helpOptions.keys, "fish")
        assertSameOptions(try fishCompletions("rove test -"), Self.testOptions, "fish, rove test")
        XCTAssertEqual(try fishCompletions("rove deploy.rove -"), [])
        XCTAssertEqual(try fishCompletions("rove -e args -"), [])
    }

    /// After an option that takes a value fish offers that value (nothing, for a number), and
    /// after one that takes none the script or `test`. (An option is offered wherever the word
    /// starts with `-`: fish's way, as for `git commit -m -`.)
    func testFishKnowsWhichOptionsTakeAValue() throws {
        let folder = try temporaryFolder()
        for (option, takesValue) in Self.helpOptions where !["-h", "--help", "--version"].contains(option) {
            let offered = try fishCompletions("rove \(option) ", in: folder)
            if takesValue {
                XCTAssertFalse(offered.contains("test"), "\(option): \(offered)")
            } else {
                XCTAssertEqual(offered, ["test"], option)
            }
        }
    }

    func testFishCompletesValues() throws {
        XCTAssertEqual(try fishCompletions("rove --output=j"), ["--output=json"])
        XCTAssertEqual(try fishCompletions("rove --ci git").sorted(), ["github", "gitlab"])
        let folder = try profileFolders()
        XCTAssertEqual(try fishCompletions("rove --profile ", in: folder + "/project/sub",
                                           environment: ["XDG_CONFIG_HOME": folder + "/config"]),
                       ["local", "prod", "staging-2"])
    }

    // MARK: Helpers

    private func assertSameOptions<Offered: Sequence<String>, Expected: Sequence<String>>(
        _ offered: Offered, _ expected: Expected, _ shell: String, line: UInt = #line
    ) {
        let offered = Set(offered), expected = Set(expected)
        XCTAssertEqual(expected.subtracting(offered).sorted(), [],
                       "\(shell): options of rove --help that completions/ does not offer", line: line)
        XCTAssertEqual(offered.subtracting(expected).sorted(), [],
                       "\(shell): options completions/ offers that rove --help does not list", line: line)
    }

    /// What `_rove` puts in COMPREPLY for the command line `words`, the last being completed.
    private func bashCompletions(_ words: [String], in folder: String? = nil,
                                 environment: [String: String] = [:]) throws -> [String] {
        let script = """
            source "$1"; shift
            COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
            _rove
            for reply in "${COMPREPLY[@]}"; do printf '%s\\n' "$reply"; done
            """
        let result = try run("/bin/bash", ["-c", script, "bash", Self.bash] + words, in: folder, environment: environment)
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(result.error, "", words.joined(separator: " "))
        return result.output.split(separator: "\n").map(String.init)
    }

    /// The completions fish offers for `line` (without their descriptions).
    private func fishCompletions(_ line: String, in folder: String? = nil,
                                 environment: [String: String] = [:]) throws -> [String] {
        let fish = try installed("fish")
        let result = try run(fish, ["--no-config", "-c", "source $argv[1]; complete -C $argv[2]", Self.fish, line],
                             in: folder, environment: environment)
        XCTAssertEqual(result.status, 0, result.error)
        return result.output.split(separator: "\n").map { String($0.split(separator: "\t")[0]) }
    }

    /// A user config with two profiles and, two levels above `project/sub`, a project file with one.
    private func profileFolders() throws -> String {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(atPath: folder + "/config/rove", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/project/sub", withIntermediateDirectories: true)
        try """
            profile = "prod"
            [profiles.prod]
            octopus_url = "https://octopus.example.com"
            [ profiles."staging-2" ]
            deployhq_account = "acme"
            """.write(toFile: folder + "/config/rove/config.toml", atomically: true, encoding: .utf8)
        try "[profiles.local]\n".write(toFile: folder + "/project/rove.toml", atomically: true, encoding: .utf8)
        return folder
    }

    private func temporaryFolder() throws -> String {
        guard let folder = makeTemporaryFolder(prefix: "rove-completion") else { throw XCTSkip("no temporary folder") }
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        return folder
    }

    /// The path of the shell `name`, or a skip that says it is not installed.
    private func installed(_ name: String) throws -> String {
        for folder in ["/usr/bin", "/bin", "/usr/local/bin", "/opt/homebrew/bin"]
        where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
            return folder + "/" + name
        }
        throw XCTSkip("\(name) is not installed, so completions/ for \(name) is not checked (apt-get install \(name))")
    }

    private func run(_ executable: String, _ arguments: [String], in folder: String? = nil,
                     environment: [String: String] = [:]) throws -> (status: Int32, output: String, error: String) {
        // No inherited HOME or XDG_CONFIG_HOME: the user's own profiles must not show up.
        try runToEnd(executable, arguments, environment: ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent", "LANG": "C.UTF-8"]
            .merging(environment) { $1 }, in: folder)
    }
}
