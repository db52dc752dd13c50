// The builtin methods of lists.

enum ListMethods {
    static let table: [Method] = []
}
