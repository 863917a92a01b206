from sqlalchemy import event
from engage.extensions import db
from tests.factories import create_authority, create_stakeholder

def test_dbg(viewer_api):
    def page():
        st = []
        def remember(conn, cursor, statement, *args):
            st.append(statement.split("\n")[0][:150])
        event.listen(db.engine, "before_cursor_execute", remember)
        viewer_api.get("/api/v1/stakeholders")
        event.remove(db.engine, "before_cursor_execute", remember)
        return st
    create_authority()
    create_stakeholder(authority="WBC", organisation="Parish Council")
    print("\n".join(page()))
    for n in range(3):
        create_stakeholder(authority="WBC", registers=["mps"], categories=["mp"], title=str(n))
    print("----"); print("\n".join(page()))
