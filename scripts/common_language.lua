-- common_language.lua -- only introduce people who can talk to each other.
--
-- Vetoes a pair whose language sets do not meet.  An attendee who listed
-- no language at all is not vetoed: mingle does not know, so it does not
-- guess.

local field

local function list(set)
  local names = {}
  for name in pairs(set) do names[#names + 1] = name end
  return table.concat(names, ", ")
end

return {
  name = "common language",
  version = "1.0",
  symmetric = true,

  options = {
    field = { default = "languages",
      doc = "the tags field with the languages" },
  },

  init = function(options)
    field = options.field
  end,

  prepare = function(attendees)
    if attendees[1] ~= nil and type(attendees[1][field]) ~= "userdata" then
      error("field '" .. field .. "' must be a tags field")
    end
  end,

  -- No score, so 0 at most: mingle asks only about likely partners.
  max_score = 0,

  -- `explain` is true only when the reason will be shown: most pairs are
  -- decided in the scoring loop, where building the text would be waste.
  veto = function(a, b, explain)
    local la, lb = a[field], b[field]
    if #la == 0 or #lb == 0 or mingle.jaccard(la, lb) > 0 then
      return false
    end
    if not explain then
      return true
    end
    return true, "no common language (" .. a.name .. ": " .. list(la) ..
      "; " .. b.name .. ": " .. list(lb) .. ")"
  end,
}
