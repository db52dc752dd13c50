// The syntax tree the parser builds and the compiler consumes. Locations are byte offsets.

/// An expression.
indirect enum Expr {
    case literal(Value, at: Int)
    /// A string with interpolations; plain strings are literals.
    case interpolated([InterpolatedPart], at: Int)
    case name(String, at: Int)
    /// `$0`, `$1`: the positional parameters of a closure without a parameter list.
    case dollar(Int, at: Int)
    case list([Expr], at: Int)
    case object([(key: String, value: Expr)], at: Int)
    case function(FunctionDecl)
    case unary(UnaryOperator, Expr, at: Int)
    case binary(Expr, BinaryOperator, Expr, at: Int)
    /// `&&`, `||` and `??`, which evaluate their right side only when needed.
    case logical(Expr, LogicalOperator, Expr, at: Int)
    case conditional(Expr, then: Expr, else: Expr, at: Int)
    case range(Expr, Expr, closed: Bool, at: Int)
    /// `x.name`; `optional` for `x?.name`, and for every later link of a chain that had one.
    case member(Expr, String, optional: Bool, at: Int)
    case index(Expr, Expr, optional: Bool, at: Int)
    case call(Expr, [Argument], optional: Bool, at: Int)

    var offset: Int {
        switch self {
        case .literal(_, let at), .interpolated(_, let at), .name(_, let at), .dollar(_, let at),
             .list(_, let at), .object(_, let at), .unary(_, _, let at), .binary(_, _, _, let at),
             .logical(_, _, _, let at), .conditional(_, _, _, let at), .range(_, _, _, let at),
             .member(_, _, _, let at), .index(_, _, _, let at), .call(_, _, _, let at):
            return at
        case .function(let declaration):
            return declaration.offset
        }
    }
}

enum InterpolatedPart {
    case text(String)
    case expression(Expr)
}

/// One argument of a call: `label: value` or just `value`.
struct Argument {
    let label: String?
    let value: Expr
}

enum UnaryOperator { case negate, not }

enum BinaryOperator {
    case add, subtract, multiply, divide, remainder
    case equal, notEqual, less, lessEqual, greater, greaterEqual, contains

    var symbol: String {
        switch self {
        case .add: return "+"
        case .subtract: return "-"
        case .multiply: return "*"
        case .divide: return "/"
        case .remainder: return "%"
        case .equal: return "=="
        case .notEqual: return "!="
        case .less: return "<"
        case .lessEqual: return "<="
        case .greater: return ">"
        case .greaterEqual: return ">="
        case .contains: return "in"
        }
    }
}

enum LogicalOperator { case and, or, coalesce }

/// A statement.
indirect enum Stmt {
    case expression(Expr)
    /// `let name = value` or `var name = value`.
    case binding(name: String, isConstant: Bool, value: Expr?, at: Int)
    case function(FunctionDecl)
    /// `target = value`, or `target op= value` when `op` is set.
    case assign(target: Expr, op: BinaryOperator?, value: Expr, at: Int)
    case `if`(Expr, then: [Stmt], else: [Stmt]?, at: Int)
    case `while`(Expr, body: [Stmt], at: Int)
    /// `for x in seq` or `for (i, x) in seq`.
    case `for`(names: [String], sequence: Expr, body: [Stmt], at: Int)
    case `break`(at: Int)
    case `continue`(at: Int)
    case `return`(Expr?, at: Int)
    case `throw`(Expr, at: Int)
    case `try`(body: [Stmt], errorName: String?, handler: [Stmt], at: Int)
    case `import`(path: String, at: Int)
}

/// A parameter: `name`, `label name`, `_ name`, `name: default`, `label name: default`, `name = default`.
struct Parameter {
    /// The label callers write, or nil for a positional parameter.
    let label: String?
    let name: String
    let defaultValue: Expr?
    let offset: Int
}

/// A named function or a closure.
final class FunctionDecl {
    let name: String
    let parameters: [Parameter]
    let body: [Stmt]
    let offset: Int
    let isClosure: Bool

    init(name: String, parameters: [Parameter], body: [Stmt], offset: Int, isClosure: Bool) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.offset = offset
        self.isClosure = isClosure
    }
}
