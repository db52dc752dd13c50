// The builtin methods of objects.

enum ObjectMethods {
    static let table: [Method] = []
}
