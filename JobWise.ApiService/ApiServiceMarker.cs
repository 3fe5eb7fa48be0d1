namespace JobWise.ApiService;

/// <summary>Names this assembly for test hosts (WebApplicationFactory) without a public Program class.</summary>
public sealed class ApiServiceMarker;
