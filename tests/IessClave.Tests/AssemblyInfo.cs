// App hosts set Hangfire's static JobStorage.Current: never run two of them at once in this process.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
