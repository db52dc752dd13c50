// The providers' module: the hypermedia object model and the Octopus and DeployHQ adapters.
import RoveCore
import RoveHTTP
