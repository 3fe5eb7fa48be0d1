namespace JobWise.Tests.Web;

/// <summary>The browser test classes that share one front end and API (one pair of processes, not one per class).</summary>
[CollectionDefinition(Name)]
public sealed class WebFrontEndCollection : ICollectionFixture<WebFrontEndHost>
{
    public const string Name = "Web front end";
}
