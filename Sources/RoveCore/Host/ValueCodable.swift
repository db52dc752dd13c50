// A Value is itself Codable: a host's struct may carry one, and JSONEncoder can write one.

extension Value: Codable {
    /// Writes lists and objects (fields in order) as containers and scalars as themselves.
    /// Functions and host objects have no encoded form here and throw `EncodingError`;
    /// `ValueEncoder` passes them through untouched instead.
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let bool):
            var container = encoder.singleValueContainer()
            try container.encode(bool)
        case .int(let int):
            var container = encoder.singleValueContainer()
            try container.encode(int)
        case .float(let double):
            var container = encoder.singleValueContainer()
            try container.encode(double)
        case .string(let string):
            var container = encoder.singleValueContainer()
            try container.encode(string)
        case .list(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        case .object(let fields):
            var container = encoder.container(keyedBy: BridgeKey.self)
            for (name, item) in fields { try container.encode(item, forKey: .field(name)) }
        case .function(let function):
            throw EncodingError.invalidValue(self, .init(codingPath: encoder.codingPath,
                                                         debugDescription: "cannot encode function '\(function.name)'"))
        case .host(let object):
            throw EncodingError.invalidValue(self, .init(codingPath: encoder.codingPath,
                                                         debugDescription: "cannot encode a value of type '\(object.typeName)'"))
        }
    }

    /// Reads whatever the decoder holds: nil, a boolean, an integer (before a float, so `2`
    /// stays an integer), a float, a string, an object, a list.
    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer() {
            if single.decodeNil() { self = .null; return }
            if let bool = try? single.decode(Bool.self) { self = .bool(bool); return }
            if let int = try? single.decode(Int.self) { self = .int(int); return }
            if let double = try? single.decode(Double.self) { self = .float(double); return }
            if let string = try? single.decode(String.self) { self = .string(string); return }
        }
        if let keyed = try? decoder.container(keyedBy: BridgeKey.self) {
            var fields = Fields()
            for key in keyed.allKeys { fields[key.stringValue] = try keyed.decode(Value.self, forKey: key) }
            self = .object(fields)
            return
        }
        if var unkeyed = try? decoder.unkeyedContainer() {
            var items: [Value] = []
            while !unkeyed.isAtEnd { items.append(try unkeyed.decode(Value.self)) }
            self = .list(items)
            return
        }
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "no value to decode"))
    }
}
