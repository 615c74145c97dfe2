-- Footprint (issue #14): what each answer cost, as Albert (OpenGateLLM) reports it in the
-- response's usage: `cost` in the server's budget unit (euros on Albert), the energy in kWh and
-- the emissions in kg CO2eq. NULL: the server said nothing (other OpenAI-compatible servers).
-- On the answer itself, beside its tokens…
ALTER TABLE messages ADD COLUMN cost REAL;
ALTER TABLE messages ADD COLUMN kwh REAL;
ALTER TABLE messages ADD COLUMN kgco2eq REAL;
-- …and on the request's usage row, which quotas, !quota and !stats count: it holds no content,
-- so it outlives the conversation's retention and erasure, as the token counts do.
ALTER TABLE usage ADD COLUMN cost REAL;
ALTER TABLE usage ADD COLUMN kwh REAL;
ALTER TABLE usage ADD COLUMN kgco2eq REAL;
