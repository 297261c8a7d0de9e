// One app host per test process: Hangfire keeps its storage in a static (JobStorage.Current).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
