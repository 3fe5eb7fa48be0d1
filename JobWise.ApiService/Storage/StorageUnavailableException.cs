namespace JobWise.ApiService.Storage;

/// <summary>Object storage could not be reached or answered with an error; the operation may succeed later.</summary>
public sealed class StorageUnavailableException(Exception inner) : Exception("Object storage is unavailable.", inner);
