-- same_city.lua -- a bonus for people from the same city.
--
-- Locals can meet again after the event, so a pair from the same city
-- scores `score` (in both directions).  With `city` set, only people from
-- that city count: the host city's locals meeting each other.  Cities are
-- compared normalized: "Köln", "köln " and "KÖLN" are one city.
--
-- Options (keys of the [strategy] section):
--   field  the category or text field with the city  (city)
--   city   only this city counts                     (any city)
--   score  the bonus                                 (1)

local field = "city"
local only = nil
local bonus = 1

-- Per attendee view: the normalized city, computed once in prepare.
local home = {}

return {
  name = "same city",
  version = "1.0",
  symmetric = true,

  init = function(options)
    for key, value in pairs(options) do
      if key == "field" then
        field = value
      elseif key == "city" then
        only = mingle.normalize(value)
      elseif key == "score" then
        bonus = tonumber(value)
        if bonus == nil then
          error("score must be a number, not '" .. value .. "'")
        end
      else
        error("unknown option '" .. key .. "' (known: field, city, score)")
      end
    end
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

  score = function(a, b)
    local c = home[a]
    if c ~= nil and c == home[b] then
      return bonus, "both from " .. a[field]
    end
    return 0
  end,
}
