namespace JobWise.ApiService.Model;

/// <summary>A row of a durable work queue table: its key and how many times a replica has taken it.</summary>
public interface IQueuedWork
{
    Guid QueueKey { get; }
    int Attempts { get; }
}
