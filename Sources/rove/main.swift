import RoveCore
import Foundation
let args = CommandLine.arguments
let path = args[1]
let text = try! String(contentsOfFile: path, encoding: .utf8)
var out = ""
let host = Host(standardOutput: { FileHandle.standardOutput.write($0.data(using: .utf8)!) }, readFile: { try String(contentsOfFile: $0, encoding: .utf8) })
let interp = Interpreter(host: host)
do {
  if let v = try interp.run(text, file: path) { print("=>", interp.repr(v)) }
} catch let d as Diagnostic {
  FileHandle.standardError.write(DiagnosticRenderer.render(d).data(using: .utf8)!)
  exit(1)
}
