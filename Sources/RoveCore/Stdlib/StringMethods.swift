// The builtin methods of strings.

enum StringMethods {
    static let table: [Method] = []
}
