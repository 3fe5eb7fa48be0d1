namespace JobWise.Tests.ScaleOut;

/// <summary>
/// Tests that start a whole cluster and put it under load: run on their own, so that their CPU use does not push
/// other tests' renders past their deadlines on a small machine (and theirs stay meaningful).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAloneCollection
{
    public const string Name = "Runs alone";
}
