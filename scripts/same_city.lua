-- same_city.lua -- a bonus for people from the same city.
--
-- Locals can meet again after the event, so a pair from the same city
-- scores `score` (in both directions).  With `city` set, only people from
-- that city count: the host city's locals meeting each other.  Cities are
-- compared normalized: "Köln", "köln " and "KÖLN" are one city.

local field, only, bonus

-- Per attendee view: the normalized city, computed once in prepare.
local home = {}

return {
  name = "same city",
  version = "1.0",
  symmetric = true,

  options = {
    field = { default = "city",
      doc = "the category or text field with the city" },
    city = { doc = "only this city counts (default: any city)" },
    score = { type = "number", default = 1, doc = "the bonus" },
  },

  init = function(options)
    field, bonus = options.field, options.score
    only = options.city and mingle.normalize(options.city)
  end,

  prepare = function(attendees)
    for _, a in ipairs(attendees) do
      local c = a[field]
      if c ~= nil then
        c = mingle.normalize(tostring(c))
        if c ~= "" and (only == nil or c == only) then home[a] = c end
      end
    end
  end,

  -- The most score(a, b) and score(b, a) return, whoever b is: mingle
  -- asks only about likely partners.
  max_score = function(a)
    local most = home[a] ~= nil and math.max(bonus, 0) or 0
    return most, most
  end,

  score = function(a, b)
    local c = home[a]
    if c ~= nil and c == home[b] then
      return bonus, "both from " .. a[field]
    end
    return 0
  end,
}
