-- weights.lua -- a weight table read from the export, for
-- tests/e2e/fair_oracle.sh: the `links` field holds "ID:WEIGHT" items
-- (the pair's score), the `vetoes` field the ids someone must not meet.

local links, vetoes = {}, {}

return {
  name = "weight table",
  version = "1.0",
  symmetric = true,

  prepare = function(attendees)
    for _, a in ipairs(attendees) do
      local l, v = {}, {}
      for id, w in tostring(a.links or ""):gmatch("([^ :]+):(%d+)") do
        l[id] = tonumber(w)
      end
      for id in tostring(a.vetoes or ""):gmatch("[^ ]+") do
        v[id] = true
      end
      links[a], vetoes[a] = l, v
    end
  end,

  score = function(a, b)
    return links[a][b.id] or links[b][a.id] or 0
  end,

  veto = function(a, b)
    return vetoes[a][b.id] or vetoes[b][a.id] or false
  end,
}
