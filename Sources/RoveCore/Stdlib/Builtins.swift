// The registry of builtin functions and methods: which tables exist and how they are installed.

/// Every global builtin function, from the tables in this folder.
enum Builtins {
    static let tables: [[Builtin]] = [CoreBuiltins.table, SystemBuiltins.table, TimeBuiltins.table,
                                        PipelineBuiltins.table, AssertionBuiltins.table, HelpBuiltins.table]

    /// Defines every builtin as a global of `interpreter`; scripts may shadow them.
    static func install(in interpreter: Interpreter) {
        for table in tables {
            for builtin in table { interpreter.register(builtin) }
        }
        interpreter.define("args", as: .list(interpreter.host.arguments.map { .string($0) }))
    }
}

/// The builtin methods of each value type, looked up by name at a call site.
enum Methods {
    static let string = StringMethods.table.keyedByName()
    static let list = ListMethods.table.keyedByName()
    static let object = ObjectMethods.table.keyedByName()

    /// Names of methods that change their receiver; calls to them on a variable run in place.
    static let mutatingNames: Set<String> = Set([string, list, object].flatMap { table in
        table.values.compactMap { method -> String? in
            if case .mutating = method.body { return method.name }
            return nil
        }
    })

    /// The method table for `value`'s type, or nil for types without builtin methods.
    static func table(for value: Value) -> [String: Method]? {
        switch value {
        case .string: return string
        case .list: return list
        case .object: return object
        case .null, .bool, .int, .float, .function, .host: return nil
        }
    }
}
