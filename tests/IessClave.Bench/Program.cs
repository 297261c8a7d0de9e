using IessClave.Bench;
using IessClave.Bench.Bare;

// bench run [options]       the whole benchmark (P1, P1b, P2); see BenchOptions for the options
// bench bare-server [--urls=http://127.0.0.1:PORT]   the bare SignalR host P1 compares the app with
return args.FirstOrDefault() switch
{
    "run" => await BenchRun.RunAsync(BenchOptions.Parse(args[1..])),
    BareHubServer.Verb => await BareHubServer.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: IessClave.Bench run [--n=1000,5000,10000] [--rate=2] [--seconds=40] ... | bare-server [--urls=...]");
    Console.Error.WriteLine("       run.sh next to this program starts PostgreSQL and passes every option; see BENCHMARKS.md.");
    return 2;
}
