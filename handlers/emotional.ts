// A resident's state of mind. Acknowledged and closed privately, never in the group.
import type { CategoryHandler } from './category-handler.ts'

export const emotional: CategoryHandler = {
  private: true,
  ack: ({ ticket, created }) =>
    created
      ? `您好,您在群里说的话我们看到了。这段日子确实不容易,您不是一个人。管家稍后会私下联系您(编号 #${ticket.id})。想找人聊聊,也可以拨打心理援助热线 12356。`
      : `我们一直在,管家会尽快联系您(#${ticket.id})。`,
}
