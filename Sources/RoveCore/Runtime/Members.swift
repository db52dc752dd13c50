// Member access, method calls and indexing on every kind of value.

extension Interpreter {
    /// `value.name` without a call.
    func member(of value: Value, _ name: String, at location: SourceLocation) throws -> Value {
        switch value {
        case .object(let fields):
            // API documents omit fields freely: a missing key reads as nil.
            return fields[name] ?? .null
        case .string, .list:
            guard let method = Methods.table(for: value)?[name] else {
                throw unknownMember(name, of: value, "\(value.typeName) has no member '\(name)'", at: location)
            }
            if method.isProperty {
                return try callMethod(method, on: value, Arguments(callee: name, values: [], interpreter: self), at: location)
            }
            return .function(Function(name: name, body: .bound(receiver: value, method: method)))
        case .host(let object):
            do {
                if let result = try object.member(name, in: self) { return result }
                // Iterable host objects answer the list properties (`(0..<5).sum`) from their items.
                if let method = Methods.list[name], method.isProperty, let items = try collect(object) {
                    return try callMethod(method, on: .list(items), Arguments(callee: name, values: [], interpreter: self), at: location)
                }
            } catch {
                throw locate(error, at: location)
            }
            throw unknownMember(name, of: value, "\(object.typeName) has no member '\(name)'", at: location)
        case .null:
            throw Diagnostic(.type, "cannot read member '\(name)' of nil; use '?.' to allow nil", at: location)
        case .bool, .int, .float, .function:
            throw unknownMember(name, of: value, "\(value.typeName) has no member '\(name)'", at: location)
        }
    }

    /// `value.name(arguments)`.
    func callMember(_ value: Value, _ name: String, _ arguments: [Value], labels: [String?],
                    at location: SourceLocation) throws -> Value {
        switch value {
        case .object(let fields):
            if let field = fields[name] {
                return try callValue(field, arguments, labels: labels, at: location)
            }
            guard let method = Methods.object[name] else {
                throw unknownMember(name, of: value, "object has no field or method '\(name)'", at: location)
            }
            return try callMethod(method, on: value, Arguments(callee: name, values: arguments, labels: labels, interpreter: self), at: location)
        case .string, .list:
            guard let method = Methods.table(for: value)?[name] else {
                throw unknownMember(name, of: value, "\(value.typeName) has no method '\(name)'", at: location)
            }
            return try callMethod(method, on: value, Arguments(callee: name, values: arguments, labels: labels, interpreter: self), at: location)
        case .host(let object):
            let args = Arguments(callee: name, values: arguments, labels: labels, interpreter: self)
            let outerSite = hostCallSite
            hostCallSite = location
            defer { hostCallSite = outerSite }
            do {
                if let result = try object.callMethod(name, with: args) { return result }
                // A nil member is an absent field (resources read those as nil), not a method.
                if let member = try object.member(name, in: self), member != .null {
                    return try callValue(member, arguments, labels: labels, at: location)
                }
                // Any iterable host object answers the list methods by materialising its items.
                if let method = Methods.list[name], let items = try collect(object) {
                    return try callMethod(method, on: .list(items), args, at: location)
                }
            } catch {
                throw locate(error, at: location)
            }
            throw unknownMember(name, of: value, "\(object.typeName) has no method '\(name)'", at: location)
        case .null:
            throw Diagnostic(.type, "cannot call method '\(name)' on nil; use '?.' to allow nil", at: location)
        case .bool, .int, .float, .function:
            throw unknownMember(name, of: value, "\(value.typeName) has no method '\(name)'", at: location)
        }
    }

    /// `value.name(arguments)` where `value` is stored in a variable that may be changed in place.
    func callMember(inPlace value: inout Value, _ name: String, _ arguments: [Value], labels: [String?],
                    at location: SourceLocation) throws -> Value {
        if let method = Methods.table(for: value)?[name], case .mutating(let body) = method.body {
            if case .object(let fields) = value, fields[name] != nil {
                return try callMember(value, name, arguments, labels: labels, at: location)
            }
            let args = Arguments(callee: name, values: arguments, labels: labels, interpreter: self)
            do {
                let result = try body(&value, args)
                try checkNesting(of: value)
                return result
            } catch {
                throw locate(error, at: location)
            }
        }
        return try callMember(value, name, arguments, labels: labels, at: location)
    }

    /// Every item of an iterable host object, or nil when it is not iterable.
    func collect(_ object: any HostObject) throws -> [Value]? {
        guard let iterator = try object.makeIterator(in: self) else { return nil }
        var items: [Value] = []
        while let item = try iterator.next() {
            try checkpoint(at: nil)
            try reserveRoom(in: items)
            items.append(item)
        }
        return items
    }

    /// `value[key]`.
    func element(of value: Value, at key: Value, location: SourceLocation) throws -> Value {
        switch value {
        case .list(let items):
            return items[try index(key, count: items.count, in: "list", at: location)]
        case .object(let fields):
            guard case .string(let name) = key else {
                throw Diagnostic(.type, "object keys are strings, got \(key.typeName)", at: location)
            }
            return fields[name] ?? .null
        case .string(let text):
            let characters = Array(text)
            let position = try index(key, count: characters.count, in: "string", at: location)
            return .string(String(characters[position]))
        case .host(let object):
            do {
                if let result = try object.element(at: key, in: self) { return result }
            } catch {
                throw locate(error, at: location)
            }
            throw Diagnostic(.type, "cannot index a value of type '\(object.typeName)'", at: location)
        case .null:
            throw Diagnostic(.type, "cannot index nil; use '?.' to allow nil", at: location)
        case .bool, .int, .float, .function:
            throw Diagnostic(.type, "cannot index a value of type '\(value.typeName)'", at: location)
        }
    }

    /// Resolves a possibly negative index into `0..<count`.
    func index(_ key: Value, count: Int, in kind: String, at location: SourceLocation) throws -> Int {
        guard case .int(let raw) = key else {
            throw Diagnostic(.type, "\(kind) index must be an integer, got \(key.typeName)", at: location)
        }
        guard let position = List.position(of: raw, count: count) else {
            let plural = count == 1 ? "" : "s"
            throw Diagnostic(.index, "index \(raw) out of range for \(kind) of \(count) item\(plural)", at: location)
        }
        return position
    }

    /// `target.name = newValue`.
    func setMember(of target: inout Value, _ name: String, to newValue: Value, at location: SourceLocation,
                   cache: FieldCache? = nil) throws {
        switch target {
        case .object(var fields):
            target = .null  // keep `fields` uniquely referenced so the write happens in place
            if let cache, let index = fields.index(forKey: name, cache: cache) {
                fields.restoreValue(newValue, at: index)
            } else {
                fields[name] = newValue
            }
            target = .object(fields)
        case .host(let object):
            do {
                if try object.setMember(name, to: newValue, in: self) { return }
            } catch {
                throw locate(error, at: location)
            }
            throw Diagnostic(.immutable, "cannot assign member '\(name)' of \(object.typeName)", at: location)
        case .null, .bool, .int, .float, .string, .list, .function:
            throw Diagnostic(.type, "cannot assign member '\(name)' of \(target.typeName)", at: location)
        }
    }

    /// `target[key] = newValue`.
    func setElement(of target: inout Value, at key: Value, to newValue: Value, location: SourceLocation) throws {
        switch target {
        case .list(var items):
            let position = try index(key, count: items.count, in: "list", at: location)
            target = .null
            items[position] = newValue
            target = .list(items)
        case .object(var fields):
            guard case .string(let name) = key else {
                throw Diagnostic(.type, "object keys are strings, got \(key.typeName)", at: location)
            }
            target = .null
            fields[name] = newValue
            target = .object(fields)
        case .null, .bool, .int, .float, .string, .function, .host:
            throw Diagnostic(.type, "cannot assign an element of \(target.typeName)", at: location)
        }
    }

    /// Runs `change` on the member `name` of `target` in place (for `o.items.append(x)`).
    func modifyMember(of target: inout Value, _ name: String, at location: SourceLocation,
                      cache: FieldCache? = nil, _ change: (inout Value) throws -> Value) throws -> Value {
        guard case .object(var fields) = target else {
            var value = try member(of: target, name, at: location)
            let result = try change(&value)
            try setMember(of: &target, name, to: value, at: location)
            return result
        }
        target = .null
        defer { target = .object(fields) }
        if let cache, let index = fields.index(forKey: name, cache: cache) {
            // An existing field: found once, moved out so it changes in place, put back.
            var value = fields.takeValue(at: index)
            defer { fields.restoreValue(value, at: index) }
            return try change(&value)
        }
        let existed = fields[name] != nil
        var value = fields[name] ?? .null
        fields[name] = .null  // leaves `value` the only reference, so it changes in place
        defer {
            // A failed change through a missing key (`o.missing.append(1)`) must not add the key.
            if !existed, case .null = value { fields.removeValue(forKey: name) } else { fields[name] = value }
        }
        return try change(&value)
    }

    /// Runs `change` on the element `key` of `target` in place (for `xs[0].append(x)`).
    func modifyElement(of target: inout Value, at key: Value, location: SourceLocation,
                       _ change: (inout Value) throws -> Value) throws -> Value {
        if case .list(var items) = target {
            // The item is moved out (nil left in its place), so it is uniquely referenced and
            // changes in place; found once, not read and then looked up again.
            let position = try index(key, count: items.count, in: "list", at: location)
            target = .null
            var value = items.takeItem(at: position)
            defer { items[position] = value; target = .list(items) }
            return try change(&value)
        }
        var value = try element(of: target, at: key, location: location)
        let result = try change(&value)
        try setElement(of: &target, at: key, to: value, location: location)
        return result
    }
}
