// Unit tables for the builtin functions: conversions, len, keys/values, system access, secrets.

import XCTest
@testable import RoveCore

final class StdlibBuiltinsTests: XCTestCase {
    func testConversions() throws {
        let interpreter = Interpreter()
        let cases: [(String, [Value], Value)] = [
            ("int", ["42"], 42),
            ("int", [" -7\n"], -7),
            ("int", [3.9], 3),
            ("int", [-3.9], -3),
            ("int", [true], 1),
            ("int", [12], 12),
            ("float", ["2.5"], 2.5),
            ("float", [2], 2.0),
            ("float", [" 1e3 "], 1000.0),
            ("str", [1.5], "1.5"),
            ("str", ["text"], "text"),
            ("str", [[1, "a", nil]], #"[1, "a", nil]"#),
            ("type", [.object([:])], "object"),
            ("type", [nil], "nil"),
        ]
        for (name, arguments, expected) in cases {
            XCTAssertEqual(try interpreter.callBuiltin(name, arguments), expected, "\(name)(\(arguments))")
        }
        XCTAssertEqual(try interpreter.callBuiltin("int", ["ff", 16], labels: [nil, "radix"]), 255)
    }

    func testLen() throws {
        let interpreter = Interpreter()
        let cases: [(Value, Int)] = [
            ("", 0), ("héllo", 5), ("🇫🇷👍🏽", 2), ([], 0), ([1, 2, 3], 3),
            (.object(["a": 1, "b": 2]), 2), (.host(Numbers(count: 4)), 4),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(try interpreter.callBuiltin("len", [value]), .int(expected), "len(\(value))")
        }
    }

    func testKeysAndValues() throws {
        let interpreter = Interpreter()
        let object: Value = .object(["b": 1, "a": 2, "Odd key": nil])
        XCTAssertEqual(try interpreter.callBuiltin("keys", [object]), ["b", "a", "Odd key"])
        XCTAssertEqual(try interpreter.callBuiltin("values", [object]), [1, 2, nil])
    }

    func testBadArguments() {
        let interpreter = Interpreter()
        let cases: [(String, [Value], ErrorKind, String)] = [
            ("len", [5], .argument, "bad argument #1 to 'len' (string, list or object expected, got integer)"),
            ("len", [], .argument, "bad argument #1 to 'len' (value expected)"),
            ("len", ["a", "b"], .argument, "too many arguments to 'len' (expected at most 1 argument, got 2)"),
            ("int", ["abc"], .value, "cannot convert 'abc' to an integer"),
            ("int", ["1.5"], .value, "cannot convert '1.5' to an integer"),
            ("int", [.float(.nan)], .value, "cannot convert nan to an integer"),
            ("int", [1e300], .value, "cannot convert 1e+300 to an integer"),
            ("int", [nil], .argument, "bad argument #1 to 'int' (number, string or boolean expected, got nil)"),
            ("float", ["x1"], .value, "cannot convert 'x1' to a float"),
            ("keys", [[1]], .argument, "bad argument #1 to 'keys' (object expected, got list)"),
            ("parse", [1], .argument, "bad argument #1 to 'parse' (string expected, got integer)"),
            ("json", [], .argument, "bad argument #1 to 'json' (value expected)"),
            ("readFile", [nil], .argument, "bad argument #1 to 'readFile' (string expected, got nil)"),
            ("writeFile", ["f", 1], .argument, "bad argument #2 to 'writeFile' (string expected, got integer)"),
            ("sleep", [-1], .argument, "bad argument #1 to 'sleep' (non-negative number expected, got -1)"),
            ("secret", [[]], .argument, "bad argument #1 to 'secret' (string expected, got list)"),
        ]
        for (name, arguments, kind, message) in cases {
            XCTAssertDiagnostic(try interpreter.callBuiltin(name, arguments), kind, message)
        }
    }

    func testJSONLabels() throws {
        let interpreter = Interpreter()
        let value: Value = .object(["a": [1, 2]])
        XCTAssertEqual(try interpreter.callBuiltin("json", [value]), #"{"a":[1,2]}"#)
        XCTAssertEqual(try interpreter.callBuiltin("json", [value, true], labels: [nil, "pretty"]),
                       "{\n  \"a\": [\n    1,\n    2\n  ]\n}")
        XCTAssertDiagnostic(try interpreter.callBuiltin("json", [value, true], labels: [nil, "indent"]),
                            .argument, "bad argument #2 to 'json' (unexpected label 'indent:')")
        XCTAssertEqual(try interpreter.callBuiltin("parse", [#"{"a":[1,2]}"#]), value)
    }

    func testHostAccess() throws {
        var written: [String: String] = [:]
        var slept: [Double] = []
        let host = Host(
            environment: ["HOME": "/root"],
            now: { 1_700_000_000.5 },
            sleep: { slept.append($0) },
            readFile: { path in
                guard path == "in.txt" else { throw Diagnostic(.io, "cannot read '\(path)': no such file") }
                return "contents"
            },
            writeFile: { path, text in written[path] = text }
        )
        let interpreter = Interpreter(host: host)
        interpreter.policy = .unrestricted  // deny by default: a host opens what it gives
        XCTAssertEqual(try interpreter.callBuiltin("env", ["HOME"]), "/root")
        XCTAssertEqual(try interpreter.callBuiltin("env", ["UNSET"]), nil)
        XCTAssertEqual(try interpreter.callBuiltin("now", []), 1_700_000_000.5)
        XCTAssertEqual(try interpreter.callBuiltin("sleep", [0.25]), nil)
        XCTAssertEqual(slept, [0.25])
        XCTAssertEqual(try interpreter.callBuiltin("readFile", ["in.txt"]), "contents")
        XCTAssertDiagnostic(try interpreter.callBuiltin("readFile", ["missing.txt"]),
                            .io, "cannot read 'missing.txt': no such file")
        XCTAssertEqual(try interpreter.callBuiltin("writeFile", ["out.txt", "hi"]), nil)
        XCTAssertEqual(written, ["out.txt": "hi"])
    }

    func testPrint() throws {
        var output = ""
        let interpreter = Interpreter(host: Host(standardOutput: { output += $0 }))
        _ = try interpreter.callBuiltin("print", ["a", 1, nil, true, [1, "b"], .host(Secret("k"))])
        _ = try interpreter.callBuiltin("print", [])
        XCTAssertEqual(output, "a 1 nil true [1, \"b\"] •••\n\n")
    }

    func testEprintWritesWhatPrintWouldToStandardError() throws {
        var output = "", errors = ""
        let interpreter = Interpreter(host: Host(standardOutput: { output += $0 }, standardError: { errors += $0 }))
        let cases: [[Value]] = [["a", 1, nil, true, [1, "b"], .host(Secret("k"))], [], [.object(["k": "v"])]]
        for arguments in cases {
            output = ""
            _ = try interpreter.callBuiltin("print", arguments)
            let printed = output
            output = ""
            errors = ""
            XCTAssertEqual(try interpreter.callBuiltin("eprint", arguments), nil)
            XCTAssertEqual(errors, printed, "eprint(\(arguments))")
            XCTAssertEqual(output, "", "eprint writes nothing to standard output")
        }
    }

    func testSecret() throws {
        let interpreter = Interpreter()
        let secret = try interpreter.callBuiltin("secret", ["API-123"])
        guard case .host(let object) = secret, let key = object as? Secret else {
            return XCTFail("secret() should make a Secret")
        }
        XCTAssertEqual(key.revealed, "API-123")
        XCTAssertEqual(try interpreter.callBuiltin("type", [secret]), "secret")
        XCTAssertEqual(try interpreter.callBuiltin("str", [secret]), "•••")
        XCTAssertEqual(interpreter.repr(.list([secret])), "[•••]")
        XCTAssertEqual(try interpreter.encodeJSON(.object(["key": secret]), pretty: false), #"{"key":"•••"}"#)
        XCTAssertEqual(secret, .host(Secret("API-123")))
        XCTAssertNotEqual(secret, .host(Secret("API-124")))
        XCTAssertNotEqual(secret, "API-123")
    }

    func testSecretOfASecretIsTheSameSecret() throws {
        let interpreter = Interpreter()
        let secret: Value = .host(Secret("API-123"))
        guard case .host(let given) = secret, case .host(let returned) = try interpreter.callBuiltin("secret", [secret]) else {
            return XCTFail("secret() should return a secret")
        }
        XCTAssertTrue(given === returned)
    }

    func testEnvOfASecretVariableIsASecret() throws {
        let host = Host(environment: ["API_KEY": "API-123", "SPACE": "Ops"], secretVariables: ["API_KEY", "UNSET_KEY"])
        let interpreter = Interpreter(host: host)
        interpreter.policy.environment = .all
        XCTAssertEqual(try interpreter.callBuiltin("env", ["API_KEY"]), .host(Secret("API-123")))
        XCTAssertEqual(try interpreter.callBuiltin("env", ["SPACE"]), "Ops")
        XCTAssertEqual(try interpreter.callBuiltin("env", ["UNSET_KEY"]), nil)
        let cases: [(String, Value)] = [
            ("str(env(\"API_KEY\"))", "•••"),
            ("type(env(\"API_KEY\"))", "secret"),
            ("secret(env(\"API_KEY\")) == secret(\"API-123\")", true),
            ("env(\"UNSET_KEY\") ?? \"default\"", "default"),
            ("env(\"API_KEY\") ?? \"default\"", .host(Secret("API-123"))),
        ]
        for (source, expected) in cases {
            XCTAssertEqual(try interpreter.run(source, file: "t"), expected, source)
        }
        XCTAssertDiagnostic(try interpreter.run("env(\"API_KEY\").lower()", file: "t"), .name,
                            "secret has no method 'lower'")
    }

    /// What a host such as the REPL compares to know whether a run handled a secret.
    func testSecretsMadeCountsEachSecretARunMakes() throws {
        let host = Host(environment: ["API_KEY": "k", "SPACE": "Ops"], secretVariables: ["API_KEY"])
        let interpreter = Interpreter(host: host)
        interpreter.policy.environment = .all
        let cases: [(String, Int)] = [
            ("1 + 1", 0),
            ("env(\"SPACE\")", 0),
            ("secret(\"a\")", 1),
            ("env(\"API_KEY\")", 1),
            ("secret(env(\"API_KEY\"))", 1),
            ("let f = secret", 0),
            ("f(\"b\")", 1),
            ("[1, 2].map { f(\"c\") }", 2),
            ("fn mk() { return secret(\"d\") }", 0),
            ("try { secret(\"e\") + 1 } catch e { nil }", 1),
        ]
        for (source, made) in cases {
            let before = interpreter.secretsMade
            _ = try interpreter.run(source, file: "t")
            XCTAssertEqual(interpreter.secretsMade - before, made, source)
        }
    }
}

// MARK: - Shared by the Stdlib test files

/// A host object with a `count` member, like a collection that knows its total.
final class Numbers: HostObject {
    let count: Int
    init(count: Int) { self.count = count }
    var typeName: String { "Numbers" }
    func member(_ name: String, in interpreter: Interpreter) throws -> Value? {
        name == "count" ? .int(count) : nil
    }
}

extension Interpreter {
    /// Calls the global builtin `name`.
    func callBuiltin(_ name: String, _ arguments: [Value], labels: [String?] = []) throws -> Value {
        guard let function = global(name) else { throw Diagnostic(.name, "no builtin '\(name)'") }
        return try call(function, arguments, labels: labels)
    }

    /// Calls the builtin method `name` on a copy of `receiver`.
    func callMethod(_ name: String, on receiver: Value, _ arguments: [Value], labels: [String?] = []) throws -> Value {
        var copy = receiver
        return try callMethod(name, on: &copy, arguments, labels: labels)
    }

    /// Calls the builtin method `name` on `receiver`, which a mutating method changes.
    func callMethod(_ name: String, on receiver: inout Value, _ arguments: [Value], labels: [String?] = []) throws -> Value {
        guard let method = Methods.table(for: receiver)?[name] else {
            throw Diagnostic(.name, "no method '\(name)' on \(receiver.typeName)")
        }
        let arguments = Arguments(callee: name, values: arguments, labels: labels, interpreter: self)
        switch method.body {
        case .reading(let body): return try body(receiver, arguments)
        case .mutating(let body): return try body(&receiver, arguments)
        }
    }
}

/// A closure value for methods such as `map`, written in Swift.
func closure(_ body: @escaping ([Value]) throws -> Value) -> Value {
    .function(Function(name: "closure") { args in try body(args.values) })
}

/// Asserts that `expression` throws a diagnostic of `kind` with exactly `message`.
func XCTAssertDiagnostic<T>(
    _ expression: @autoclosure () throws -> T, _ kind: ErrorKind, _ message: String,
    file: StaticString = #filePath, line: UInt = #line
) {
    do {
        let value = try expression()
        XCTFail("expected \(kind) error '\(message)', got \(value)", file: file, line: line)
    } catch let diagnostic as Diagnostic {
        XCTAssertEqual(diagnostic.kind, kind, diagnostic.message, file: file, line: line)
        XCTAssertEqual(diagnostic.message, message, file: file, line: line)
    } catch {
        XCTFail("expected a Diagnostic, got \(error)", file: file, line: line)
    }
}
