using Aurora.Core.Events;
using Microsoft.Data.Sqlite;

namespace Aurora.Store;

/// The writer's prepared statements for one event: its row and its search document.
internal sealed class EventInserter : IDisposable
{
    private readonly SqliteCommand _event;
    private readonly SqliteCommand _search;
    private readonly SqliteParameter _seq, _time, _type, _service, _data;
    private readonly SqliteParameter _rowid, _searchService, _searchCause, _body;

    public EventInserter(SqliteConnection c)
    {
        _event = c.CreateCommand();
        _event.CommandText = "INSERT INTO events(seq, time, type, service, data) VALUES($seq, $time, $type, $service, $data)";
        _seq = _event.Parameters.Add("$seq", SqliteType.Integer);
        _time = _event.Parameters.Add("$time", SqliteType.Integer);
        _type = _event.Parameters.Add("$type", SqliteType.Text);
        _service = _event.Parameters.Add("$service", SqliteType.Text);
        _data = _event.Parameters.Add("$data", SqliteType.Text);

        _search = c.CreateCommand();
        _search.CommandText = "INSERT INTO search(rowid, service, cause, body) VALUES($rowid, $service, $cause, $body)";
        _rowid = _search.Parameters.Add("$rowid", SqliteType.Integer);
        _searchService = _search.Parameters.Add("$service", SqliteType.Text);
        _searchCause = _search.Parameters.Add("$cause", SqliteType.Text);
        _body = _search.Parameters.Add("$body", SqliteType.Text);
    }

    public void Insert(AuroraEvent e, SqliteTransaction tx)
    {
        _event.Transaction = tx;
        _seq.Value = e.Seq;
        _time.Value = e.Time.UtcTicks;
        _type.Value = e.Type;
        _service.Value = (object?)e.Service ?? DBNull.Value;
        _data.Value = e.Data.GetRawText();
        _event.ExecuteNonQuery();

        var cause = SearchDocuments.CauseOf(e);
        _search.Transaction = tx;
        _rowid.Value = e.Seq;
        _searchService.Value = (object?)e.Service ?? DBNull.Value;
        _searchCause.Value = (object?)cause ?? DBNull.Value;
        _body.Value = SearchDocuments.EventBody(e, cause);
        _search.ExecuteNonQuery();
    }

    public void Dispose()
    {
        _event.Dispose();
        _search.Dispose();
    }
}
